"""Workshop plans: the ``workshop.yaml`` model, reading it with precise problems, resolving
it into the agenda the session engine walks, checking it against the method library, and
editing it without losing the person's comments.

Imports nothing of Textual or click.
"""

from toolkit.plan.agenda import Agenda, AgendaItem, AgendaStep
from toolkit.plan.load import PLAN_FILE, PlanSource, load_plan, read_plan
from toolkit.plan.model import FreeItem, MethodRun, PersonEntry, Plan
from toolkit.plan.resolve import resolve

__all__ = [
    "PLAN_FILE",
    "Agenda",
    "AgendaItem",
    "AgendaStep",
    "FreeItem",
    "MethodRun",
    "PersonEntry",
    "Plan",
    "PlanSource",
    "load_plan",
    "read_plan",
    "resolve",
]
