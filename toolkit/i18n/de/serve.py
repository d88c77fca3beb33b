"""German messages of presenter state, ``cimis serve`` and the participants' pages."""

MESSAGES: dict[str, str] = {
    "input to step '{ref}' is closed": "Eingaben für Schritt '{ref}' sind geschlossen",
    "a presenter setting is on or off": "eine Präsentationseinstellung ist an oder aus",
    "Each person may ask at most {count} questions.": "Jede Person darf höchstens {count} Fragen stellen.",
    "Each person may give at most {count} answers.": "Jede Person darf höchstens {count} Antworten geben.",
    "The answer is {length} characters long; at most {max} are allowed.":
        "Die Antwort ist {length} Zeichen lang; erlaubt sind höchstens {max}.",
    "The question is {length} characters long; at most {max} are allowed.":
        "Die Frage ist {length} Zeichen lang; erlaubt sind höchstens {max}.",
    "There is no question {id}.": "Es gibt keine Frage {id}.",
    "You have upvoted this question already.": "Sie haben diese Frage schon unterstützt.",
    "No questions.": "Keine Fragen.",
    "No answers.": "Keine Antworten.",
    "Answer": "Antwort",
    "Count": "Anzahl",
}
