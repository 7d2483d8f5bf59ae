"""
Arrr: translate English into Pirate speak.
"""
_PIRATE_WORDS = {
    "hello": "ahoy",
    "hi": "arrr",
    "my": "me",
    "friend": "me bucko",
    "there": "thar",
    "you": "ye",
    "your": "yer",
    "is": "be",
    "the": "th'",
}


def translate(english):
    """Return the Pirate version of the English text."""
    words = []
    for word in english.split():
        bare = word.strip(",.!?").lower()
        pirate = _PIRATE_WORDS.get(bare, bare)
        if word[:1].isupper():
            pirate = pirate[:1].upper() + pirate[1:]
        words.append(pirate + word[len(word.rstrip(",.!?")):])
    return " ".join(words) + " Arrr!"
