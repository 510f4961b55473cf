"""English texts of Ontmoeten, the first phase (same keys as nl_ontmoeten.py)."""

MESSAGES: dict[str, str] = {
    "ontmoeten.title": "Getting to know",
    "ontmoeten.desc": "Your story, what already works and the first people.",
    "ontmoeten.hint": "Listen first. Write it down together later.",
    # --- story ---
    "ontmoeten.story": "Your story",
    "ontmoeten.story_label": "Your story, in your own words",
    "ontmoeten.story_hint": "Write down what you told. Use your own words.",
    "ontmoeten.date": "When did you meet?",
    "ontmoeten.date_hint": "You may leave this empty.",
    "ontmoeten.toast.story": "Story changed",
    "ontmoeten.toast.date": "Date changed",
    "ontmoeten.err.date": "We do not know this date. Choose a day in the calendar.",
    # --- strengths ---
    "ontmoeten.strengths_b1": "These cards are also on the base poster.",
    # --- first people ---
    "ontmoeten.people": "Important people",
    "ontmoeten.people_b1": "Who is important to you? A name is enough.",
    "ontmoeten.people_label": "Name",
    "ontmoeten.people_listed": "They are in your list. Later you put them on the map.",
    "ontmoeten.people_none": "Nobody yet. Who do you see often?",
    "ontmoeten.people_more": "And {count} more people.",
    "ontmoeten.people_empty": "Write down a name first.",
    "ontmoeten.people_long": "This name is too long. It may be {max} characters at most.",
    "ontmoeten.to_personen": "To People",
    "ontmoeten.toast.person": "{naam} added",
    # --- export ---
    "ontmoeten.export": "Getting to know as a picture",
    "ontmoeten.export.title": "Getting to know — {naam}",
    "ontmoeten.export.met": "Talk on {datum}",
    "ontmoeten.export.made": "Made on {datum}",
    "ontmoeten.export.no_story": "No story written down yet.",
    "ontmoeten.export.no_strengths": "Nothing written down yet.",
    "ontmoeten.export.no_people": "Nobody written down yet.",
    "ontmoeten.export.desc": "Getting to know {naam}: the story, {sterk} things that already work and {mensen} people.",
    "ontmoeten.export.done": "Getting to know has been downloaded as a picture.",
}
