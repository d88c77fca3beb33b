"""Scorecards: scorers (a jury or peers) score candidates on weighted criteria.

A later score by the same scorer for the same candidate and criterion replaces the earlier.
A criterion's score for a candidate is the mean over the scorers who gave one, so a scorer
who skipped a criterion does not pull it down. A candidate nobody scored on some criterion is
*incomplete*: that criterion is left out of their total and the other weights are scaled up
to compensate.

The candidates come from the step named by ``source``: the presenters of a pitch step, or the
teams of a matching step (a jury scoring the teams formed after speed dating and pitches; a
team is named by its company-side person, shown with its members).
"""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel, Field

from toolkit.capture.algorithms.ranking import competition_ranking
from toolkit.capture.base import CaptureContext, Captured, CaptureKind, KindModel, ResultModel, StatelessRules
from toolkit.capture.common import PersonRef, name_of, of_type, resolve, source_result, unwrap
from toolkit.capture.kinds.matching import MatchingResult
from toolkit.capture.kinds.options import ScorecardOptions
from toolkit.capture.kinds.pitch import PitchResult
from toolkit.capture.markdown import number, table, translator
from toolkit.i18n import _

_DIGITS = 6


class ScoreRecord(KindModel):
    """One scorer's score for one candidate on one criterion."""

    scorer: PersonRef = Field(description="Person id (or name) of who scores.")
    candidate: PersonRef = Field(description="Person id (or name) of who is scored.")
    criterion: str = Field(min_length=1, description="Criterion id.")
    score: float = Field(description="Between the step's scale_min and scale_max.")


class CriterionInfo(ResultModel):
    id: str
    title: str
    weight: float


class CandidateScore(ResultModel):
    rank: int | None = Field(description="None when nobody scored the candidate yet.")
    candidate: str
    name: str
    total: float | None = Field(description="Weighted mean over the scored criteria.")
    means: dict[str, float | None] = Field(description="Mean score per criterion id; None if unscored.")
    scorers: int = Field(description="People who scored this candidate.")
    incomplete: bool = Field(description="Some criterion has no score; the total leaves it out.")
    missing: list[str] = []


class ScorecardResult(ResultModel):
    """Candidates best first (equal totals share a rank and keep candidate order); candidates
    without any score come last, unranked."""

    criteria: list[CriterionInfo] = []
    ranking: list[CandidateScore] = []
    scorers: int = 0
    scale_min: int = 1
    scale_max: int = 5


def _source(context: CaptureContext | None, ref: str | None) -> PitchResult | MatchingResult | None:
    """The pitch or matching result the candidates come from.

    Told apart by shape, not by trying each model in turn: every field of both has a default,
    so the JSON of one would validate as an empty other."""
    if context is None or not ref:
        return None
    for model, key in ((PitchResult, "order"), (MatchingResult, "teams")):
        try:
            value = context.results(ref)
        except LookupError:
            return None
        if isinstance(value, model):
            return value
        shape = value.model_dump(mode="json") if isinstance(value, BaseModel) else value
        if isinstance(shape, dict) and key in shape:
            found = source_result(context, ref, model)
            return found if isinstance(found, (PitchResult, MatchingResult)) else None
    return None


def _candidates(options: ScorecardOptions, context: CaptureContext | None, scored: list[str]) -> list[str]:
    people = list(context.people) if context is not None else []
    source = _source(context, options.source)
    if isinstance(source, PitchResult):
        return [slot.person for slot in source.order]
    if isinstance(source, MatchingResult):
        return [team.company for team in source.teams]
    position = {p.id: i for i, p in enumerate(people)}
    # Plan order, then by name: never by who was scored first.
    return sorted(dict.fromkeys(scored), key=lambda c: (position.get(c, len(people)), name_of(c, people).casefold(), c))


def _team_names(options: ScorecardOptions, context: CaptureContext | None, people) -> dict[str, str]:
    """'Company (member, member)' per team when the candidates are the teams of a matching step."""
    teams = _source(context, options.source)
    if not isinstance(teams, MatchingResult):
        return {}
    names = {}
    for team in teams.teams:
        members = ", ".join(name_of(m.id, people) for m in team.members)
        company = name_of(team.company, people)
        names[team.company] = f"{company} ({members})" if members else company
    return names


class ScorecardKind(CaptureKind[ScorecardOptions]):
    name = "scorecard"
    widget = "toolkit.tui.widgets.capture.scorecard:ScorecardPanel"
    projector = "toolkit.tui.projector_views:scorecard"
    demo = "toolkit.cli.demo:play_scorecard"
    title = {"de": "Bewertungsbogen", "en": "Scorecard"}
    #: field labels (the generic form and the participants' error messages name fields by these)
    labels = {
        "en": {"scorer": "Juror", "candidate": "Candidate", "criterion": "Criterion", "score": "Score"},
        "de": {"scorer": "Jurymitglied", "candidate": "Kandidat:in", "criterion": "Kriterium", "score": "Punktzahl"},
    }
    Options = ScorecardOptions
    Record = ScoreRecord
    #: one valid record, for ``cimis kinds`` and the export/import round-trip test
    example = {"scorer": "jury-1", "candidate": "anna", "criterion": "idea", "score": 4}
    web_form = "toolkit.web.kinds:scorecard_form"
    web_view = "toolkit.web.kinds:scorecard_view"
    web_identity = "scorer"
    web_role = "jury"
    results_hidden = True

    def rule_state(self, options, context):
        return StatelessRules(self, options, context)  # the rules look at no earlier record

    def check(self, record, records, options, context):
        data, _author = unwrap(record)
        people = context.people if context is not None else ()
        if data.criterion not in {c.id for c in options.criteria}:
            return _("There is no criterion '{criterion}'.").format(criterion=data.criterion)
        if not options.scale_min <= data.score <= options.scale_max:
            return _("Scores go from {min} to {max}.").format(min=options.scale_min, max=options.scale_max)
        scorer, candidate = resolve(data.scorer, people), resolve(data.candidate, people)
        if scorer == candidate:
            return _("Nobody scores their own pitch.")
        jury = {p.id for p in people if p.role == options.scorers}
        if jury and scorer not in jury:
            return _("{person} is not one of the scorers.").format(person=data.scorer)
        source = _source(context, options.source)
        if source is not None and candidate not in _candidates(options, context, []):
            if isinstance(source, MatchingResult):
                return _("{person} leads no team; score a team by its company.").format(person=data.candidate)
            return _("{person} did not pitch.").format(person=data.candidate)
        return None

    def result(self, records: Sequence[Captured], options: ScorecardOptions,
               context: CaptureContext) -> ScorecardResult:
        people = context.people if context is not None else ()
        weights = {c.id: c.weight for c in options.criteria}
        latest: dict[tuple[str, str, str], float] = {}
        for _c, data in of_type(records, ScoreRecord):
            scorer, candidate = resolve(data.scorer, people), resolve(data.candidate, people)
            if data.criterion in weights and scorer != candidate:
                # Out-of-scale scores (the scale changed after scoring) count as the nearest end.
                latest[(scorer, candidate, data.criterion)] = min(max(data.score, options.scale_min), options.scale_max)
        candidates = _candidates(options, context, [c for _s, c, _k in latest])
        team_names = _team_names(options, context, people)
        rows: dict[str, CandidateScore] = {}
        for candidate in candidates:
            means: dict[str, float | None] = {}
            for criterion in weights:
                scores = [v for (s, c, k), v in latest.items() if c == candidate and k == criterion]
                means[criterion] = round(sum(scores) / len(scores), _DIGITS) if scores else None
            scored = {k: m for k, m in means.items() if m is not None}
            total = None
            if scored:
                total = round(sum(weights[k] * m for k, m in scored.items()) / sum(weights[k] for k in scored), _DIGITS)
            rows[candidate] = CandidateScore(
                rank=None, candidate=candidate, name=team_names.get(candidate) or name_of(candidate, people),
                total=total, means=means,
                scorers=len({s for (s, c, _k) in latest if c == candidate}),
                incomplete=len(scored) < len(weights), missing=[k for k in weights if means[k] is None])
        ranked = competition_ranking([(c, total) for c in candidates if (total := rows[c].total) is not None])
        ranking = [rows[c].model_copy(update={"rank": rank}) for rank, c, _t in ranked]
        ranking += [rows[c] for c in candidates if rows[c].total is None]
        return ScorecardResult(
            criteria=[CriterionInfo(id=c.id, title=c.title, weight=c.weight) for c in options.criteria],
            ranking=ranking,
            scorers=len({s for (s, c, _k) in latest if c in rows}),
            scale_min=options.scale_min,
            scale_max=options.scale_max,
        )

    def to_markdown(self, result: ScorecardResult, options: ScorecardOptions, lang: str) -> str:
        _ = translator(lang)
        if not result.ranking:
            return _("No scores yet.") + "\n"
        header = [_("Rank"), _("Candidate"), *(c.title for c in result.criteria), _("Total")]

        def show(value: float | None) -> str:
            return "–" if value is None else number(value, lang)

        rows = []
        for row in result.ranking:
            total = show(row.total) + (" *" if row.incomplete and row.total is not None else "")
            rows.append([str(row.rank or "–"), row.name, *(show(row.means.get(c.id)) for c in result.criteria), total])
        lines = [table(header, rows, "rl" + "r" * (len(result.criteria) + 1)), ""]
        if any(row.incomplete and row.total is not None for row in result.ranking):
            lines += ["\\* " + _("Not scored on every criterion: the total weighs only the scored criteria."), ""]
        lines.append(_("Scored by {count} people on a scale from {min} to {max}.").format(
            count=result.scorers, min=result.scale_min, max=result.scale_max))
        return "\n".join(lines) + "\n"
