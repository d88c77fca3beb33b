"""Display names of card categories, roles and purposes (English msgids, translated where shown).

Core data: the card vocabulary, the CLI and the terminal UI all read them from here."""

from toolkit.i18n import N_

CATEGORY_TITLES = {
    "opening": N_("Opening and check-in"),
    "input": N_("Talk and input"),
    "break": N_("Break"),
    "networking": N_("Networking"),
    "pitch": N_("Pitch"),
    "evaluation": N_("Evaluation"),
    "ideation": N_("Ideation"),
    "convergence": N_("Converging"),
    "problem-framing": N_("Framing the problem"),
    "research": N_("Research"),
    "design-thinking": N_("Design thinking"),
    "prototyping": N_("Prototyping"),
    "peer-learning": N_("Peer learning"),
    "reflection": N_("Reflection"),
    "writing": N_("Writing"),
}

ROLE_TITLES = {
    "facilitator": N_("Facilitator"),
    "participant": N_("Participant"),
    "creative": N_("Creative"),
    "company": N_("Company"),
    "jury": N_("Jury"),
    "speaker": N_("Speaker"),
    "author": N_("Author"),
    "reviewer": N_("Reviewer"),
}

#: What a method is for (card field ``purposes``), after Liberating Structures' matchmaker.
PURPOSE_TITLES = {
    "get-to-know": N_("Get to know each other"),
    "share-knowledge": N_("Share knowledge"),
    "spread-ideas": N_("Spread ideas"),
    "generate-ideas": N_("Generate ideas"),
    "understand": N_("Understand a problem"),
    "decide": N_("Decide"),
    "evaluate": N_("Evaluate"),
    "plan": N_("Plan next steps"),
    "reflect": N_("Reflect"),
    "close": N_("Closing"),
}
