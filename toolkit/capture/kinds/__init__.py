"""The built-in capture kinds, one module each; their options live in :mod:`.options`."""

from toolkit.capture.kinds.canvas import CanvasKind
from toolkit.capture.kinds.cards import CardsKind
from toolkit.capture.kinds.checklist import ChecklistKind
from toolkit.capture.kinds.dots import DotsKind
from toolkit.capture.kinds.interests import InterestsKind
from toolkit.capture.kinds.matching import MatchingKind
from toolkit.capture.kinds.notes import NotesKind
from toolkit.capture.kinds.pitch import PitchKind
from toolkit.capture.kinds.questions import QuestionsKind
from toolkit.capture.kinds.rotation import RotationKind
from toolkit.capture.kinds.scorecard import ScorecardKind
from toolkit.capture.kinds.wordcloud import WordcloudKind

BUILTIN_KINDS: tuple[type, ...] = (
    NotesKind,
    CardsKind,
    DotsKind,
    ScorecardKind,
    PitchKind,
    RotationKind,
    InterestsKind,
    MatchingKind,
    ChecklistKind,
    CanvasKind,
    QuestionsKind,
    WordcloudKind,
)

__all__ = [cls.__name__ for cls in BUILTIN_KINDS] + ["BUILTIN_KINDS"]
