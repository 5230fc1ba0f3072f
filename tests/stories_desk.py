"""Two small stories under one documents root, with different parties and one topic key in common (nato)."""
from __future__ import annotations

from pathlib import Path

UKRAINE_ARTICLE = """Peace talks resume in Geneva

Ukraine insists that NATO membership is the only lasting guarantee of its security.
Russia rejects NATO membership for Ukraine and calls any expansion of the alliance a threat.
Ukraine wants the grain corridor through the Black Sea kept open for merchant ships.
Russia says grain shipments can resume only if sanctions on its farm exports are lifted.
"""

UKRAINE_PROFILE = """
[parties."Ukraine"]
aliases = ["Ukraine", "Kyiv"]
[parties."Russia"]
aliases = ["Russia", "Moscow", "Kremlin"]
[topics.nato]
title = "NATO membership"
keywords = ["NATO", "alliance", "membership"]
[topics.grain]
title = "Grain corridor"
keywords = ["grain", "corridor", "shipments"]
"""

BALTIC_ARTICLE = """Baltic ministers meet in Tallinn

Estonia calls for more NATO troops stationed permanently on its eastern border.
Finland supports a larger NATO presence in the Baltic region and more joint exercises.
Estonia wants the Baltic ports protected against sabotage of undersea cables.
Finland proposes shared naval patrols to guard the ports and pipelines of the Gulf of Finland.
"""

BALTIC_PROFILE = """
[parties."Estonia"]
aliases = ["Estonia", "Tallinn"]
[parties."Finland"]
aliases = ["Finland", "Helsinki"]
[topics.nato]
title = "NATO forces"
keywords = ["NATO", "troops", "presence"]
[topics.ports]
title = "Port security"
keywords = ["ports", "naval patrols", "cables"]
"""


def write_stories(root: Path) -> Path:
    """`root/ukraine` and `root/baltic`, each an article and its own profile.toml; returns root."""
    for name, article, profile in (("ukraine", UKRAINE_ARTICLE, UKRAINE_PROFILE),
                                   ("baltic", BALTIC_ARTICLE, BALTIC_PROFILE)):
        folder = root / name
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "article.txt").write_text(article, encoding="utf-8")
        (folder / "profile.toml").write_text(profile, encoding="utf-8")
    return root
