"""Web pages, feeds and their parts composed for these tests (Dutch news we wrote)."""

from __future__ import annotations

NAV = ("<header><nav><ul><li><a href='/'>Home</a></li><li><a href='/binnenland'>Binnenland"
       "</a></li><li><a href='/buitenland'>Buitenland</a></li><li><a href='/sport'>Sport</a>"
       "</li></ul></nav></header>")
COOKIES = ("<div id='cookie-banner' class='cookie-consent'>Wij gebruiken cookies om uw "
           "ervaring te verbeteren. Accepteer alle cookies of pas uw voorkeuren aan."
           "<button>Alles accepteren</button></div>")
RELATED = ("<aside class='related'><h2>Lees ook</h2><ul><li><a href='/r1'>Boeren protesteren "
           "opnieuw bij het provinciehuis</a></li><li><a href='/r2'>Stikstofplan uitgesteld "
           "tot na de zomer</a></li></ul></aside>")
COMMENTS = ("<section id='comments' class='comments'><h2>Reacties</h2><div class='comment'>"
            "<p>Jantje88: Eindelijk eens een besluit waar ik blij van word, goed zo!</p></div>"
            "<div class='comment'><p>Greet: Veel te laat en veel te weinig geld.</p></div>"
            "</section>")
FOOTER = "<footer><p>© De Dagkrant. Alle rechten voorbehouden.</p></footer>"

STORIES = {
    "dijken": (
        "Kabinet trekt extra geld uit voor dijkversterking",
        ["Het kabinet trekt de komende vier jaar 800 miljoen euro extra uit voor de "
         "versterking van dijken langs de grote rivieren. Dat heeft minister Jansen van "
         "Infrastructuur donderdag in Den Haag bekendgemaakt.",
         "Volgens de minister zijn vooral de dijken in Gelderland en Limburg dringend aan een "
         "opknapbeurt toe. De waterschappen hadden eerder gewaarschuwd dat het geld niet "
         "toereikend was om alle zwakke plekken op tijd te herstellen.",
         "De oppositie reageerde verdeeld. Een woordvoerder van de grootste oppositiepartij "
         "noemde het bedrag een goede eerste stap, maar vond dat het kabinet te lang had "
         "gewacht."]),
    "grens": (
        "Duitsland voert strengere controles in aan de grens met Polen",
        ["De Duitse regering heeft dinsdag aangekondigd dat de controles aan de grens met "
         "Polen worden aangescherpt. Minister van Binnenlandse Zaken Weber zei in Berlijn dat "
         "de maatregel minstens een half jaar van kracht blijft.",
         "Polen reageerde ontstemd op het besluit. Een woordvoerder van de Poolse regering in "
         "Warschau noemde de controles een klap voor de vrije doorgang binnen Europa.",
         "Vrachtwagenchauffeurs waarschuwen voor lange files bij de grensovergangen."]),
    "staking": (
        "Spoorstaking legt treinverkeer in België plat",
        ["Het treinverkeer in België lag woensdag grotendeels stil door een staking van het "
         "spoorpersoneel. De vakbonden protesteren tegen de plannen van de regering om de "
         "pensioenregeling van spoorwerkers te hervormen.",
         "Minister van Mobiliteit Peeters riep de bonden op om terug aan tafel te komen. De "
         "vakbonden dreigen met nieuwe acties als de regering haar plannen niet intrekt.",
         "Reizigers moesten uitwijken naar de bus of de auto, wat leidde tot drukte op de "
         "wegen rond Brussel en Antwerpen."]),
}


def article_page(story: str = "dijken", date: str | None = "2024-03-14T09:30:00+01:00",
                 charset: str | None = "utf-8", author: str = "Marieke de Vries",
                 outlet: str = "De Dagkrant", extra: str = "") -> str:
    """A news page: the article among a menu, a cookie banner, related links, comments."""
    title, paragraphs = STORIES[story]
    meta = f"<meta charset='{charset}'>" if charset else ""
    if date:
        meta += f"<meta property='article:published_time' content='{date}'>"
    body = "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    return (f"<!DOCTYPE html><html lang='nl'><head>{meta}<title>{title} | {outlet}</title>"
            f"<meta property='og:title' content='{title}'>"
            f"<meta property='og:site_name' content='{outlet}'>"
            f"<meta name='author' content='{author}'></head><body>{NAV}{COOKIES}"
            f"<main><article><h1>{title}</h1>{body}{extra}</article>{RELATED}{COMMENTS}</main>"
            f"{FOOTER}</body></html>")


def links_page() -> str:
    items = "".join(f"<li><a href='/artikel/{n}'>Nieuwsbericht nummer {n} over de "
                    f"gemeenteraad</a></li>" for n in range(40))
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>Archief</title></head>"
            f"<body>{NAV}<main><h1>Alle berichten</h1><ul>{items}</ul></main>{FOOTER}"
            "</body></html>")


def paywall_page() -> str:
    return ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>Nieuw hoofdbureau van "
            "politie kost miljoenen</title></head><body>" + NAV +
            "<main><article><h1>Nieuw hoofdbureau van politie kost miljoenen</h1>"
            "<p>De bouw van het nieuwe hoofdbureau van politie in Utrecht valt veel duurder "
            "uit dan gepland.</p><div class='paywall'><p>Dit artikel is alleen voor abonnees."
            " Word abonnee en lees onbeperkt verder.</p></div></article></main>" + FOOTER +
            "</body></html>")


BROKEN = (b"<html><body><div><p>De <b>burgemeester <i>van Gent</b> opende</i> zaterdag "
          b"<table><tr><td>het nieuwe<div></body><<<>>>\x00\x00 &&&& </p")


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def rss(items: list[tuple[str, str, str]], version: str = "2.0",
        title: str = "De Dagkrant - Binnenland") -> str:
    """An RSS feed of (link, title, description HTML) items."""
    entries = "".join(
        f"<item><title>{_escape(t)}</title><link>{_escape(link)}</link>"
        f"<guid>{_escape(link)}</guid><pubDate>Thu, 14 Mar 2024 09:30:00 +0100</pubDate>"
        f"<description>{_escape(description)}</description></item>"
        for link, t, description in items)
    return (f"<?xml version='1.0' encoding='utf-8'?><rss version='{version}'><channel>"
            f"<title>{title}</title><link>http://127.0.0.1/</link>"
            f"<description>Nieuws</description><language>nl</language>{entries}"
            "</channel></rss>")


def atom(items: list[tuple[str, str, str]], title: str = "Het Grensblad") -> str:
    """An Atom feed of (link, title, content HTML) items."""
    entries = "".join(
        f"<entry><title>{_escape(t)}</title><link href='{_escape(link)}'/>"
        f"<id>tag:grensblad,2024:{number}</id><updated>2024-02-0{number + 1}T08:00:00Z"
        f"</updated><author><name>Redactie</name></author>"
        f"<content type='html'>{_escape(content)}</content></entry>"
        for number, (link, t, content) in enumerate(items))
    return ("<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'>"
            f"<title>{title}</title><id>tag:grensblad,2024</id>"
            f"<updated>2024-02-05T08:00:00Z</updated>{entries}</feed>")


def story_html(story: str) -> str:
    """A story's paragraphs as the HTML a feed item carries."""
    return "".join(f"<p>{paragraph}</p>" for paragraph in STORIES[story][1])
