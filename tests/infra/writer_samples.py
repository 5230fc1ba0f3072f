"""A small story, its profile, and a well-behaved model's lines, shared by the model writer's tests."""
from __future__ import annotations

from summarizer import Party, Profile, Topic

SECRET = "sk-test-SECRET-4242"
MODEL = "fake-model"
STORY = """Talks on the alliance resumed in Vienna on Monday.
Ukraine wants NATO membership as a guarantee of its security against Russian attacks, Foreign Minister Andrii Sybiha said.
Russia rejects any NATO membership for Ukraine and demands a neutral status for its neighbour, the Kremlin said.
Poland supports Ukraine's bid to join the alliance within five years, Prime Minister Donald Tusk told reporters.
"""
PARTIES = (Party("Ukraine", ("Kyiv", "Sybiha")), Party("Russia", ("Kremlin", "Moscow")),
           Party("Poland", ("Warsaw", "Tusk")))
PROFILE = Profile(parties=PARTIES, topics=(Topic("nato", ("NATO", "alliance", "membership"), "NATO membership"),))
PROFILE_TOML = """
[parties.Ukraine]
aliases = ["Kyiv", "Sybiha"]
[parties.Russia]
aliases = ["Kremlin", "Moscow"]
[parties.Poland]
aliases = ["Warsaw", "Tusk"]
[topics.nato]
title = "NATO membership"
keywords = ["NATO", "alliance", "membership"]
"""
# What a well-behaved model answers for each party: faithful rewordings the guard accepts.
GOOD = {
    "Ukraine": "Sees NATO membership as a guarantee of its security against Russian attacks",
    "Russia": "Rejects any NATO membership for Ukraine and demands neutral status for its neighbour",
    "Poland": "Backs Ukraine's bid to join the alliance within five years",
}
