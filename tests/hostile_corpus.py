"""Hostile and unusual text that a report must print literally, never interpret.

Each entry is (name, text, expected) where ``expected`` is what the page text must
contain (whitespace aside): the text itself, or for invisible characters the visible
marker the report prints in their place.
"""

from __future__ import annotations

PWNED_MARKER = "workerimpact-cve-2023-33733-pwned"
"""File name the CVE-2023-33733 payload would create if it were ever executed."""

CVE_2023_33733 = (
    "<para><font color=\"[ [ getattr(pow,Word('__globals__'))['os'].system('touch "
    + PWNED_MARKER
    + "') for Word in [orgTypeFun('Word', (str,), { 'mutated': 1, 'startswith': lambda "
    "self, x: False, '__eq__': lambda self,x: self.mutate() and self.mutated < 0 and "
    "str(self) == x, 'mutate': lambda self: {setattr(self, 'mutated', self.mutated - 1)}, "
    "'__hash__': lambda self: hash(str(self)) })] ] for orgTypeFun in [type(type(1))] ] "
    "and 'red'\">exploit</font></para>"
)

CORPUS: list[tuple[str, str, str]] = [
    (
        "font tag",
        '<font color="red" size="40">BIG</font>',
        '<font color="red" size="40">BIG</font>',
    ),
    (
        "javascript link",
        '<a href="javascript:alert(1)">click me</a>',
        '<a href="javascript:alert(1)">click me</a>',
    ),
    (
        "image from a host",
        '<img src="http://evil.example/x.png" width="500" height="500"/>',
        '<img src="http://evil.example/x.png" width="500" height="500"/>',
    ),
    ("local image", '<img src="/etc/passwd"/>', '<img src="/etc/passwd"/>'),
    ("onDraw", '<onDraw name="evil" label="x"/>', '<onDraw name="evil" label="x"/>'),
    ("cve-2023-33733", CVE_2023_33733, CVE_2023_33733),
    ("ampersand alone", "Smith & Sons", "Smith & Sons"),
    ("less-than alone", "a < b and c > d", "a < b and c > d"),
    ("entity", "&amp; &lt; &#60; &nbsp;", "&amp; &lt; &#60; &nbsp;"),
    ("bell and escape", "ring\x07the\x1bbell", "ring[U+0007]the[U+001B]bell"),
    ("null", "nul\x00here", "nul[U+0000]here"),
    ("right-to-left override", "invoice\u202egnp.exe", "invoice[U+202E]gnp.exe"),
    ("isolate", "a\u2066b\u2069c", "a[U+2066]b[U+2069]c"),
    ("names", "Zoë Ñúñez, Łódź, Ærøskøbing", "Zoë Ñúñez, Łódź, Ærøskøbing"),
    (
        "cyrillic and greek",
        "Профсоюз работников склада; Ωμέγα",
        "Профсоюз работников склада; Ωμέγα",
    ),
    ("long word", "W" * 3_000, "W" * 3_000),
    (
        "long url-like word",
        "https://" + "a" * 400 + ".example/",
        "https://" + "a" * 400 + ".example/",
    ),
    ("br tag", "line<br/>break<br>", "line<br/>break<br>"),
    ("cdata", "<![CDATA[x]]>", "<![CDATA[x]]>"),
]
