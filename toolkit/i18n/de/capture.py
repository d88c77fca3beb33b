"""German messages of the capture area (English msgid -> German)."""

MESSAGES: dict[str, str] = {
    # notes
    "No notes.": "Keine Notizen.",
    "The note is {length} characters long; at most {max} are allowed.":
        "Die Notiz ist {length} Zeichen lang; erlaubt sind höchstens {max}.",
    # cards
    "Cards are not clustered in this step.": "In diesem Schritt werden Karten nicht geclustert.",
    "Unclustered": "Ohne Cluster",
    "No cards.": "Keine Karten.",
    "There is no card {ids}.": "Es gibt keine Karte {ids}.",
    "Each person may write at most {count} cards.": "Jede Person darf höchstens {count} Karten schreiben.",
    "There is no cluster '{name}'.": "Es gibt keinen Cluster „{name}“.",
    "There already is a cluster '{name}'; merge the clusters instead.":
        "Es gibt schon einen Cluster „{name}“; führen Sie die Cluster stattdessen zusammen.",
    # dots
    "Rank": "Platz",
    "Item": "Eintrag",
    "Dots": "Punkte",
    "Nothing to vote on.": "Nichts zum Abstimmen.",
    "Voters": "Abstimmende",
    "{voters} people gave {dots} dots.": "{voters} Personen haben {dots} Punkte vergeben.",
    "{dots} dots were counted in the room.": "{dots} Punkte wurden im Raum gezählt.",
    "There is nothing called '{item}' to vote on.": "Es gibt nichts namens „{item}“ zum Abstimmen.",
    "{voter} has {left} of {total} dots left.": "{voter} hat noch {left} von {total} Punkten.",
    "At most {count} dots per person on one item.": "Höchstens {count} Punkte pro Person auf einen Eintrag.",
    # scorecard
    "Nobody scores their own pitch.": "Niemand bewertet den eigenen Pitch.",
    "Candidate": "Kandidat/in",
    "Total": "Gesamt",
    "No scores yet.": "Noch keine Bewertungen.",
    "There is no criterion '{criterion}'.": "Es gibt kein Kriterium „{criterion}“.",
    "Scores go from {min} to {max}.": "Bewertet wird von {min} bis {max}.",
    "{person} is not one of the scorers.": "{person} gehört nicht zu den Bewertenden.",
    "Not scored on every criterion: the total weighs only the scored criteria.":
        "Nicht in jedem Kriterium bewertet: die Gesamtnote gewichtet nur die bewerteten Kriterien.",
    "Scored by {count} people on a scale from {min} to {max}.":
        "Bewertet von {count} Personen auf einer Skala von {min} bis {max}.",
    "{person} did not pitch.": "{person} hat nicht gepitcht.",
    # pitch
    "This pitch round collects no feedback.": "In dieser Pitch-Runde wird kein Feedback gesammelt.",
    "I like": "Mir gefällt",
    "I wish": "Ich wünsche mir",
    "What if": "Was wäre, wenn",
    "Nobody pitched.": "Niemand hat gepitcht.",
    "{person} does not pitch in this round.": "{person} pitcht in dieser Runde nicht.",
    "+{minutes} min": "+{minutes} Min.",
    "Presenter": "Präsentiert von",
    "Organisation": "Organisation",
    "Start": "Beginn",
    # rotation
    "Table": "Tisch",
    "No rounds: both groups need at least one person.": "Keine Runden: beide Gruppen brauchen mindestens eine Person.",
    "{person} is in neither group of this rotation.": "{person} gehört zu keiner der beiden Gruppen dieser Rotation.",
    "{person} is already marked absent.": "{person} ist bereits als abwesend markiert.",
    "{person} is already present.": "{person} ist bereits anwesend.",
    "Round {number}": "Runde {number}",
    "The schedule has only {count} rounds.": "Der Ablauf hat nur {count} Runden.",
    "Sitting out: {names}": "Pause: {names}",
    "{count} pairs do not meet.": "{count} Paare treffen sich nicht.",
    # interests
    "Mutual interests": "Gegenseitiges Interesse",
    "No mutual interests yet.": "Noch kein gegenseitiges Interesse.",
    "Marks received": "Erhaltene Markierungen",
    "Nobody can mark themselves.": "Niemand kann sich selbst markieren.",
    "{person} took part in neither group of the rotation.": "{person} war in keiner der beiden Gruppen der Rotation.",
    "At most {count} people may be marked.": "Höchstens {count} Personen dürfen markiert werden.",
    "{person} is marked twice.": "{person} ist doppelt markiert.",
    "{person} is not in the other group.": "{person} gehört nicht zur anderen Gruppe.",
    "Person": "Person",
    "Marks": "Markierungen",
    # matching
    "Teams": "Teams",
    "A pair needs one person of each group.": "Ein Paar braucht eine Person aus jeder Gruppe.",
    "No teams yet.": "Noch keine Teams.",
    "Without a team": "Ohne Team",
    "This pair is excluded.": "Dieses Paar ist ausgeschlossen.",
    "No place left: all places are pinned.": "Kein Platz mehr frei: alle Plätze sind fest vergeben.",
    "This pair is pinned.": "Dieses Paar ist fest vergeben.",
    "{person} is already pinned.": "{person} ist bereits fest zugeordnet.",
    # checklist
    "This checklist takes no new items.": "Diese Checkliste nimmt keine neuen Punkte auf.",
    "The checklist is empty.": "Die Checkliste ist leer.",
    "{done} of {total} done.": "{done} von {total} erledigt.",
    "'{item}' is already on the list.": "„{item}“ steht schon auf der Liste.",
    "'{item}' is not on the list.": "„{item}“ steht nicht auf der Liste.",
    # canvas
    "The canvas has no field '{field}'.": "Der Canvas hat kein Feld „{field}“.",
    "Other": "Sonstiges",
    "Nothing yet.": "Noch nichts.",
}
