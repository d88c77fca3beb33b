"""The app's themes: calm dark and light ones for the facilitator's laptop and a
high-contrast one for projectors and bright rooms. Any of Textual's own themes works too."""

from __future__ import annotations

from textual.theme import Theme

DEFAULT_THEME = "cimis-dark"
PROJECTOR_THEME = "cimis-projector"

THEMES: tuple[Theme, ...] = (
    Theme(
        name="cimis-dark",
        primary="#5FA8D3",
        secondary="#F4A259",
        accent="#F4D35E",
        foreground="#E8EEF2",
        background="#14202B",
        surface="#1B2A38",
        panel="#233647",
        success="#7BC67E",
        warning="#F4A259",
        error="#EF6F6C",
        dark=True,
    ),
    Theme(
        name="cimis-light",
        primary="#1D5F8A",
        secondary="#B35C00",
        accent="#8A5A00",
        foreground="#15202B",
        background="#F7F5F0",
        surface="#EDEAE2",
        panel="#E0DCD0",
        success="#2E7D32",
        warning="#B35C00",
        error="#B3261E",
        dark=False,
    ),
    # Projectors wash out colour: pure black and white, one strong yellow, nothing subtle.
    Theme(
        name="cimis-projector",
        primary="#FFD400",
        secondary="#FFFFFF",
        accent="#FFD400",
        foreground="#FFFFFF",
        background="#000000",
        surface="#000000",
        panel="#1A1A1A",
        success="#00E676",
        warning="#FFD400",
        error="#FF5252",
        boost="#FFFFFF",
        dark=True,
        variables={"footer-key-foreground": "#FFD400", "block-cursor-background": "#FFD400",
                   "block-cursor-foreground": "#000000"},
    ),
)

#: The order ``app.next-theme`` steps through.
CYCLE = ("cimis-dark", "cimis-light", "cimis-projector")
