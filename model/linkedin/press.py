"""Who works in press and media: titles and newsrooms in eight languages.

A connection is press when their position or their company says so, in French, English,
Spanish, Portuguese, German, Italian, Dutch or Swedish. Texts are compared after folding
(case and accents dropped, every run of punctuation made one space: "Presse- und
Öffentlichkeitsarbeit" reads "presse und offentlichkeitsarbeit").

The rules, in the order they decide:

1. **A press title decides, whatever the company.** `TITLES` holds the words and phrases that
   only press people carry: journalist, reporter, correspondent, columnist, press officer,
   editor-in-chief and their equivalents (periodista, jornalista, giornalista, verslaggever,
   krönikör, attachée de presse, jefa de prensa, assessora de imprensa, addetta stampa,
   Pressesprecher, persvoorlichter, pressekreterare…). Germanic compounds count by their
   head: Sportreporter, Nachrichtenredakteurin, nieuwsredacteur, Chefredaktör,
   Auslandskorrespondent. German *Redakteur* and Swedish *redaktör* are press titles alone;
   French *rédacteur*, Spanish *redactor*, Portuguese *redator* and bare Dutch *redacteur*
   are not (an insurer's "rédacteur sinistres", an agency's "redator publicitário"), though
   their press phrases are (rédacteur en chef, redactor jefe, hoofdredacteur).
2. **A look-alike is not a press title.** `LOOKALIKES` are phrases that contain a press word
   and mean something else: a video, code or medical-record editor, a press brake or a
   "prensa hidráulica", a technical writer (rédacteur technique, Technischer Redakteur,
   teknisk redaktör), correspondent banking, a "correspondant informatique et libertés", a
   "Fremdsprachenkorrespondentin". They are removed before titles are looked for.
3. **A clearly non-press title never counts, even at a newsroom.** `NOT_PRESS` lists, in the
   eight languages, the jobs a news company also employs: recruiting and HR, payroll, data
   science, software and IT, engineering, accounting and finance, sales and advertising,
   marketing, customer service, delivery and driving, law (`NOT_PRESS_COMPOUNDS` also count
   inside a compound: Lohnbuchhalterin, Anzeigenverkauf, innesäljare). A title
   holding one of them, or a look-alike, says "not press" by itself. Beat names (finance,
   sport, data, politics) are kept out of that list: a "Finance Editor" at a newsroom is press.
4. **Otherwise the company decides.** A neutral or ambiguous title (Editor, Producer,
   Rédactrice, Moderatorin, Chef de projet, or none at all) is press at a newsroom only. So
   "Editor" at The Atlantic is press, "Editor" at Elsevier or "Multimedia Editor" at a games
   studio is not; news qualifiers make an editor press anywhere (news editor, copy editor,
   editor de noticias, editor-chefe).
5. **A newsroom is a whole company name**, never a part of another firm's name. `NEWSROOMS`
   must match the folded company entirely, with at most a group prefix ("the", "groupe",
   "grupo"…) and news-ish suffixes (`NEWSROOM_SUFFIXES`: News, Noticias, Brasil, Radio, TV,
   Online, digits, a web domain…): "BBC", "BBC News Brasil" and "elDiario.es" are newsrooms;
   "BBC Carreira & RH", "RTS Manpower Solutions", "La Croix-Rouge française" and
   "Stern-Apotheke" are not. `NEWSROOM_PATTERNS` add the generic names, anchored: "… News
   Agency", "Agencia de noticias …", "… Zeitung", "Zeitungsverlag …", "… Rundfunk",
   "… Tidning(en/ar)", "… Dagblad(et)", "Corriere della/dello …", "La Gazzetta dello …",
   "Le Courrier …", "El Heraldo …", "Folha de …", "The … Times", "Radio …", "… Televisión",
   a name ending in News, Noticias, Nachrichten, Nieuws or Nyheter. A company holding a word of
   `NOT_NEWSROOM` (systems, solutions, consulting, restaurant, bank…) is no newsroom:
   "Radio Frequency Systems" is not.

Book and academic publishing, newsagents, newspaper delivery, printing and teaching
journalism are not press. Known limits: a neutral title at a newsroom that is in no list and
fits no pattern is missed, and a non-press job missing from `NOT_PRESS` at a newsroom is
counted; `tests/data/press_labelled.csv` measures both (`python -m benchmarks.bench_press`).
Each distinct text is matched once (titles and companies repeat across a network) against
regular expressions compiled at import.
"""

from __future__ import annotations

import re
import unicodedata

import numpy as np
import pandas as pd

# Heads that count with any prefix glued to them (Sportreporter, Nachrichtenredakteurin,
# nieuwsredacteur, Chefredaktör, Utrikeskorrespondent, buitenlandcorrespondent, fotojornalista).
_COMPOUND_HEADS = (
    r"journalist(?:e|es|s|in|innen|en|er)?",
    r"periodistas?",
    r"jornalistas?",
    r"giornalist[aei]",
    r"reporter(?:s|in|innen|na|ar)?",
    r"korrespondent(?:in|innen|en|er)?",
    r"correspondent(?:e|en|es|s)?",
    r"redakteur(?:in|innen|e)?",
    r"redaktor(?:er|erna)?",
    r"verslaggever(?:s)?",
    r"verslaggeefster(?:s)?",
    r"kolumnist(?:in|innen|en)?",
    r"columnist(?:a|as|en|s)?",
    r"cronist[aei]",
)
TITLES = (
    r"\w*(?:" + "|".join(_COMPOUND_HEADS) + r")",
    # Dutch redacteur only as a compound (eindredacteur, hoofdredacteur, nieuwsredacteur)
    r"\w+redacteur(?:s|en)?",
    # English
    r"news ?anchors?",
    r"newsroom",
    r"news ?desk",
    r"(?:editors?|redact(?:eur|rice|or|ora)s?) in chief",
    r"(?:news|copy|sub|managing|deputy|features?|night|assignment|political|politics|sports?|business"
    r"|foreign|city|metro|opinion|world|section|desk) ?editors?",
    r"press (?:officers?|secretar(?:y|ies)|attaches?|relations|office|managers?|leads?|advis[eo]rs?|contacts?)",
    r"head of (?:press|media relations)",
    r"media relations",
    r"spokes(?:person|man|woman|people)",
    # French
    r"reporte(?:ur|use)s?",
    r"correspondante?s?",
    r"chroniqueu(?:r|se)s?",
    r"editorialist[ae]s?",
    r"pigistes?",
    r"attachee?s? de presse",
    r"relations? (?:avec )?(?:la )?presse",
    r"relations? (?:avec )?(?:les )?medias",
    r"(?:responsable|chargee?|conseillere?|service|bureau|cheffe?) (?:de )?presse",
    r"redact(?:eur|rice)s? en chef",
    r"secretaire de redaction",
    r"direct(?:eur|rice)s? de (?:la )?redaction",
    r"envoyee? speciale?",
    # Spanish and Portuguese
    r"reporter[oa]s?",
    r"corresponsal(?:es)?",
    r"colunistas?",
    r"prensa",
    r"relaciones con (?:los )?medios",
    r"relacoes com (?:a )?(?:imprensa|midia|media)",
    r"imprensa",
    r"redact(?:or|ora)(?:es)? jef[ea]",
    r"redator(?:a)? chefe",
    r"jef[ea] de redaccion",
    r"diret(?:or|ora) de redacao",
    r"direct(?:or|ora) de (?:la )?redaccion",
    r"edit(?:or|ora)(?:es|s)? (?:jef[ea]|chefe|adjunt[oa])",
    r"edit(?:or|ora)(?:es|s)? (?:de |da |do )?(?:noticias|politica|economia|deportes|esportes|internacional|opiniao"
    r"|opinion|cultura)",
    r"enviad[oa] especial",
    r"portavoz|porta voz",
    # German
    r"presse(?:sprecher\w*|referent\w*|stelle|arbeit|abteilung|chef\w*|kontakt\w*|buro|attache|beauftragte\w*)",
    r"presse und (?:offentlichkeitsarbeit|kommunikation|medienarbeit)",
    r"redaktions(?:chef\w*|leit\w*)",
    r"nachrichtensprecher\w*",
    r"sprecher(?:in)?",
    # Italian
    r"capo ?redatt(?:ore|rice|ori)",
    r"redatt(?:ore|rice|ori)",
    r"corrispondent[ei]",
    r"editorialist[ai]",
    r"inviat[oa] speciale",
    r"(?:ufficio|addett[oaie]|comunicazione e|rapporti con la|relazioni con la) stampa",
    r"portavoce",
    # Dutch
    r"pers(?:voorlicht\w*|chef|officier|woordvoerder\w*|dienst|contact\w*|attache)",
    r"woordvoerder\w*",
    r"nieuwslezer\w*",
    r"chef redactie",
    r"hoofd redactie",
    # Swedish
    r"press(?:ekreterare|sekreterare|chef|ansvarig|kontakt|officer|talesperson|avdelning|tjanst)",
    r"talesperson",
    r"nyhets(?:chef|ankare)",
    r"kronikor(?:er)?",
)
LOOKALIKES = (
    r"(?:video|film|code|software|text|wiki|graph|game|level|map|sound|audio|image|medical record|record|technical"
    r"|html|seo)s? editors?",
    r"editors? (?:plugin|extension|tool)s?",
    r"edit(?:or|ora)(?:es|s)? (?:de |di )?(?:video|videos|imagem|imagen|som|sonido|historias clinicas|prontuarios?"
    r"|livros|libros|codigo)",
    r"monte(?:ur|use)s? video",
    r"technical (?:writer|editor)s?",
    r"printing press(?:es)?",
    r"press (?:operators?|brakes?|machines?|shop|setters?|tools?)",
    r"(?:operat\w*|operari\w*|operador\w*|conduct\w*|regleu\w*|bediener\w*|maschinenbediener|maquinist\w*) "
    r"(?:de |da |a |di )?(?:la )?(?:presse|prensa|pressa)s?",
    r"(?:taller|linea|ligne)\w* (?:de |di )?(?:presse|prensa|pressa)s?",
    r"(?:presse|prensa|pressa)s? (?:a injecter|hydrauli\w*|offset|a emboutir|plieuse|idraulica|mecanica|excentrica)",
    r"redact(?:eur|rice)s? (?:technique|web seo|seo|sinistres?|production|d actes|juridique|territorial)",
    r"redact(?:or|ora)(?:es)? (?:tecnic[oa]|de contenidos|de proyectos|publicitari[oa])",
    r"redat(?:or|ora) (?:tecnic[oa]|publicitari[oa]|de conteudo)",
    r"redatt(?:ore|rice) (?:tecnic[oa]|di testi pubblicitari)",
    r"technisch(?:e|er)? redakteur\w*",
    r"seo redakteur\w*",
    r"technisch redacteur\w*",
    r"juridisch redacteur\w*",
    r"teknisk redaktor\w*",
    r"forlagsredaktor\w*",
    r"correspondent bank\w*",
    r"court reporters?|verbatim reporters?",
    r"correspondante?s? (?:informatique|cil|rgpd|surete|securite|qualite|handicap|achats|bancaire|comptable|paie"
    r"|rh|formation)",
    r"corresponsal(?:es)? bancari\w*",
    r"correspondentes? (?:bancari\w*|juridic\w*)",
    r"advogad[oa]s? correspondentes?",
    r"corrispondent[ei] (?:commercial|amministrativ|assicurativ)\w*",
    r"corr?[ei]s?pon\w* de seguros?",
    r"fremdsprachenkorrespondent\w*",
)
NOT_PRESS = (
    # recruiting and HR
    r"recruit\w*|reclut\w*|recrut\w*|rekryter\w*|talent acquisition|selezione del personale",
    r"hr|rh|human resources|ressources humaines|recursos humanos|risorse umane",
    r"personal(?:referent|chef|leit|abteilung|sachbearbeit|berater|entwickl|ansvarig|handlaggare|specialist|wesen)\w*",
    r"payroll|paie|nominas|folha de pagamento|lohnbuchhalt\w*|loneadministrat\w*|salarisadministrat\w*",
    # data, software and IT
    r"data scien\w*|data analyst\w*|cientific[oa] de datos|cientista de dados|analista (?:de |di )?(?:datos|dados|dati)",
    r"software\w*|developers?|developpeu\w*|desarrollador\w*|desenvolvedor\w*|sviluppatore",
    r"ontwikkelaar\w*|programmers?|programmeu(?:r|se)s?|programador(?:a|es)?|programmat(?:ore|rice)",
    r"programmierer\w*|devops|sysadmin|informati(?:que|ca|co|k|cien\w*)|it|ict|ti",
    r"engineers?|ingenieu\w*|ingeniero\w*|engenheir\w*|ingegner\w*",
    # finance
    r"accountants?|comptables?|contables?|contador(?:a|es)?|contabile|boekhouder\w*|redovisning\w*",
    r"ekonom\w*|controller\w*|chief financial officer|cfo|directeur financier|director financiero",
    # sales and advertising
    r"sales\w*|vendas|ventas|vendit\w*|vendedor\w*|vendeu(?:r|se)s?|commercial\w*|comercial\w*|commercio",
    r"vertrieb\w*|verkoop\w*|verkoper\w*|anzeigen\w*",
    r"account executive|account manager|accountmanager|key account\w*|executiv[ao] de contas",
    # marketing
    r"marketing\w*|marketeer\w*|mercadotecnia",
    # customer service
    r"customer (?:service|support|care|success)|service clients?|relation clients?|atencion al cliente",
    r"atendimento ao cliente|atendente|kundenbetreu\w*|servizio clienti",
    r"assistenza clienti|klantcontact\w*|kundtjanst\w*|kundservice\w*|clientele|call ?cent(?:er|re)",
    # delivery and driving
    r"tidningsbud|entregador\w*|livreu(?:r|se)s?|fattorin[oi]",
    r"couriers?|drivers?|chauffeur\w*|chauffor\w*|motorista|motoboy|autista|brevbarare",
    # law
    r"lawyers?|counsel|avocat\w*|abogad\w*|advogad\w*|avvocat\w*|justiziar\w*",
)
# Non-press words that also count inside a compound (Lohnbuchhalterin, Anzeigenverkauf, innesäljare).
NOT_PRESS_COMPOUNDS = (
    "personeel",
    "entwickler",
    "utvecklare",
    "informatiker",
    "buchhalter",
    "verkauf",
    "saljare",
    "marknadsfor",
    "kundenservice",
    "leserservice",
    "klantenservice",
    "zusteller",
    "bezorger",
    "repartidor",
    "fahrer",
    "jurist",
)
# Whole company names by the language of their audience, spelt as people write them (folded at import).
_NEWSROOMS_BY_LANGUAGE = {
    "fr": (
        "Le Monde; Le Monde diplomatique; La Tribune; Le Figaro; Libération; Les Echos; Le Parisien; Aujourd'hui en "
        "France; Ouest-France; Sud Ouest; La Voix du Nord; Le Télégramme; La Dépêche du Midi; Le Progrès; Le "
        "Dauphiné Libéré; Nice-Matin; La Provence; La Croix; L'Humanité; L'Express; Le Point; Le Nouvel Obs; "
        "L'Obs; Télérama; Mediapart; L'Équipe; Le Journal du Dimanche; Courrier international; 20 Minutes; "
        "HuffPost; Brut; AFP; Agence France-Presse; Radio France; France Inter; France Info; franceinfo; "
        "France Culture; France Bleu; RFI; France 24; France Télévisions; France 2; France 3; Arte; TF1; LCI; "
        "BFMTV; BFM; CNews; RTL; Europe 1; Le Temps; RTS; Tribune de Genève; Le Soir; La Libre Belgique; "
        "RTBF; Radio-Canada; La Presse; Le Devoir"
    ),
    "en": (
        "Reuters; The Conversation; Associated Press; AP; PA Media; Press Association; Bloomberg News; Bloomberg Media; BBC; "
        "BBC World Service; CNN; NBC; NBC News; CBS News; ABC News; Fox News; Sky News; ITN; ITV News; "
        "Channel 4 News; NPR; The Guardian; Guardian News & Media; The Observer; The Times; The Sunday Times; "
        "The New York Times; New York Times; The Washington Post; The Wall Street Journal; Financial Times; "
        "FT; The Economist; The Telegraph; The Daily Telegraph; The Independent; Evening Standard; Daily "
        "Mail; The Sun; Daily Mirror; The Atlantic; The New Yorker; Vogue; Politico; Axios; ProPublica; The "
        "Athletic; Al Jazeera; Newsweek; Forbes; Vice News; BuzzFeed News; USA Today; Los Angeles Times; The "
        "Spectator; New Statesman; Xinhua; Yonhap; Kyodo News; The Hindu; The Times of India; South China "
        "Morning Post; The Sydney Morning Herald; The Globe and Mail; CBC"
    ),
    "es": (
        "El País; El Mundo; ABC; La Vanguardia; El Periódico; El Confidencial; elDiario; El Español; La "
        "Razón; 20minutos; Marca; Mundo Deportivo; Expansión; Cinco Días; El Correo; La Voz de Galicia; "
        "Heraldo de Aragón; Agencia EFE; EFE; Europa Press; RTVE; TVE; RNE; Cadena SER; COPE; Onda Cero; "
        "Antena 3; laSexta; Telecinco; Atresmedia; Mediaset España; PRISA; Prensa Ibérica; Vocento; Clarín; "
        "La Nación; Infobae; Página/12; El Tiempo; El Comercio; El Universal; Milenio; Excélsior; Televisa; "
        "TV Azteca; El Mercurio; La Tercera; Telemundo; Univision"
    ),
    "pt": (
        "Folha de S.Paulo; Folha; O Estado de S. Paulo; Estadão; O Globo; Globo; TV Globo; GloboNews; g1; "
        "Valor Econômico; Correio Braziliense; Zero Hora; Veja; Época; IstoÉ; CartaCapital; UOL; Band; TV "
        "Bandeirantes; Record TV; RecordTV; SBT; Jovem Pan; CBN; Agência Brasil; Agência Estado; Metrópoles; "
        "Poder360; Público; Expresso; Observador; Correio da Manhã; RTP; SIC; TVI; Lusa; Agência Lusa; "
        "Renascença; ESPN"
    ),
    "de": (
        "Der Spiegel; Spiegel; Die Zeit; Zeit Online; FAZ; Die Welt; Welt; Bild; Stern; Focus; Handelsblatt; "
        "taz; Der Tagesspiegel; Tagesspiegel; Rheinische Post; WAZ; Hamburger Abendblatt; kicker; "
        "Wirtschaftswoche; Spektrum der Wissenschaft; ARD; ZDF; Deutschlandfunk; Deutschlandradio; Deutsche "
        "Welle; DW; tagesschau; WDR; NDR; SWR; MDR; RBB; n-tv; dpa; Deutsche Presse-Agentur; ORF; Der "
        "Standard; Die Presse; Kurier; NZZ; SRF; Blick; Axel Springer; RND; Funke Mediengruppe"
    ),
    "it": (
        "la Repubblica; Repubblica; La Stampa; Il Sole 24 Ore; Il Fatto Quotidiano; Il Messaggero; Il Resto "
        "del Carlino; La Nazione; Il Mattino; Il Tirreno; Il Post; Il Foglio; Avvenire; Libero; Il Manifesto; "
        "Tuttosport; Internazionale; L'Espresso; Il Secolo XIX; ANSA; Adnkronos; AGI; LaPresse; Agenzia Nova; "
        "Askanews; Rai; RaiNews24; TG1; TG La7; La7; Mediaset; TgCom24; Sky TG24; Fanpage; GEDI; RCS "
        "MediaGroup"
    ),
    "nl": (
        "NRC; NRC Handelsblad; de Volkskrant; Volkskrant; Trouw; Het Parool; Parool; De Telegraaf; Telegraaf; "
        "AD; Het Financieele Dagblad; FD; NOS; NPO; RTL Nederland; ANP; NU.nl; De Correspondent; Follow the "
        "Money; Het Laatste Nieuws; HLN; De Standaard; De Morgen; Het Nieuwsblad; VRT; EW; BNR; VPRO; "
        "BNNVARA; KRO-NCRV; AVROTROS; DPG Media; Mediahuis; Tubantia; De Gelderlander; Knack"
    ),
    "sv": (
        "Dagens Nyheter; DN; SvD; Aftonbladet; Expressen; Sydsvenskan; Dagens industri; Dagens ETC; UNT; "
        "Östgöta Correspondenten; Corren; Nerikes Allehanda; Barometern; Norran; Fokus; Sveriges Radio; "
        "Sveriges Television; SVT; TV4; TT; Bonnier News; Schibsted; Omni; NRK; Aftenposten; VG; Politiken; "
        "Berlingske; Yle; Helsingin Sanomat"
    ),
}
NEWSROOMS = tuple(name.strip() for names in _NEWSROOMS_BY_LANGUAGE.values() for name in names.split(";"))
NEWSROOM_SUFFIXES = (
    r"news|nws|noticias|noticies|notizie|nachrichten|nieuws|nyheter(?:na)?|nieuwsradio",
    r"mundo|brasil|brazil|america|espana|en espanol|international|internacional|world(?: service)?|english|arabic",
    r"uk|us|usa|europe|europa|deutschland|nederland|sverige|italia|portugal",
    r"online|digital|radio|tv|televisao|info|journaal|magazine|magazin|media|group|groupe|grupo|gruppo|mediagroup",
    r"mediengruppe",
    r"com|de|es|fr|it|nl|pt|br|se|co|p\d|\d+",
)
NEWSROOM_PATTERNS = (
    r"\bnews agency$",
    r"\bpress agency$",
    r"^agen(?:cia|zia|ce) (?:de |di )?(?:noticias|notizie|presse)\b",
    r"\bpresse agentur$",
    r"\bnyhetsbyra\w*$",
    r"\bzeitungsverlag\w*",
    r"\b\w*(?:zeitung(?:en)?|rundfunk|dagblad(?:et)?|weekblad|nachrichtenagentur)\b",
    r"\b\w*(?:tidning(?:en|ar|arna)?|kuriren)$|\w+ ?posten$",
    r"\bcourant$",
    r"^omroep\b",
    r"^(?:la )?gazzetta d\w*\b",
    r"^corriere d(?:ella|ello|el|ell|i)\b",
    r"^(?:il )?(?:giornale|quotidiano)\b",
    r"\bquotidiano$",
    r"^(?:o |a |el |la )?(?:diario|periodico)\b",
    r"^jornal\b|\bjornal$",
    r"^radio\b",
    r"^(?:le )?courrier\b",
    r"^(?:el )?heraldo\b",
    r"^(?:revista|rivista|tijdschrift)\b",
    r"^folha d[aeo]\b",
    r"^the (?:\w+ ){0,2}times$",
    r"\btelevisi(?:on|ons|ao|one|onen)\b",
    r"\b(?:news|nws|noticias|nachrichten|nieuws|nyheter|nyheterna|notizie)$",
)


# Below this many distinct texts Python's re is the quicker; above it pandas' string methods are
# (with pyarrow installed they run its regex engine: fast per text, but it compiles the pattern
# again on every call, a few milliseconds for these).
SMALL = 2_000


# Words that make a company no newsroom whatever its name pattern says ("Radio Frequency
# Systems", "Diario Verde Restaurante"); no listed newsroom or suffix holds one.
NOT_NEWSROOM = (
    r"systems?|solutions?|technolog\w*|engineering|electronics?|frequency|communications?|restaurante?s?",
    r"consult\w*|partners|logisti\w*|insurance|immobili\w*|bank|banco|banca|hotel|hospital",
)


def fold(texts: pd.Series) -> pd.Series:
    """Lower case without accents, every run of punctuation or spaces made one space."""
    folded = texts.fillna("").astype(str)
    accented = ~folded.str.isascii().to_numpy(dtype=bool)
    if accented.any():  # most titles are plain ASCII: only the others pay for decomposing
        folded = folded.copy()
        folded[accented] = folded[accented].str.normalize("NFKD").str.encode("ascii", "ignore").str.decode("ascii")
    return folded.str.lower().str.replace(r"[^a-z0-9]+", " ", regex=True).str.strip()


def _fold_one(text: str) -> str:
    """`fold` for one text."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return " ".join(_ALNUM.findall(text.lower()))


_ALNUM = re.compile(r"[a-z0-9]+")
_PREFIX = r"(?:(?:the|groupe|grupo|gruppo|group) )?"
_NAMES = sorted({_fold_one(name) for name in NEWSROOMS}, key=len, reverse=True)
_NEWSROOM = re.compile(
    r"^" + _PREFIX + r"(?:" + "|".join(map(re.escape, _NAMES)) + r")"
    r"(?: (?:" + "|".join(NEWSROOM_SUFFIXES) + r"))*$"
    r"|" + "|".join(NEWSROOM_PATTERNS)
)
_NOT_NEWSROOM = re.compile(r"\b(?:" + "|".join(NOT_NEWSROOM) + r")\b")
_TITLE = re.compile(r"\b(?:" + "|".join(TITLES) + r")\b")
_LOOKALIKE = re.compile(r"\b(?:" + "|".join(LOOKALIKES) + r")\b")
_NOT_PRESS = re.compile(r"\b(?:\w*(?:" + "|".join(NOT_PRESS_COMPOUNDS) + r")\w*|" + "|".join(NOT_PRESS) + r")\b")


def is_press(positions: pd.Series, companies: pd.Series) -> pd.Series:
    """Whether each connection works in press or media (the rules are in the module's docstring)."""
    titled, informative = _titles(positions)
    return pd.Series(titled | (~informative & _newsrooms(companies)), index=positions.index)


def _titles(positions: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Per row: the position is a press title; the position says press or not press by itself."""
    codes, folded = _distinct(positions)
    lookalike = _search(_LOOKALIKE, folded)
    press = _search(_TITLE, folded)
    for at in np.flatnonzero(press & lookalike):  # few: look again once the look-alike is removed
        press[at] = _TITLE.search(_LOOKALIKE.sub(" ", folded[at])) is not None
    not_press = _search(_NOT_PRESS, folded)
    return press[codes], (press | lookalike | not_press)[codes]


def _newsrooms(companies: pd.Series) -> np.ndarray:
    """Per row: the company is a newsroom, by its whole name."""
    codes, folded = _distinct(companies)
    return np.asarray((_search(_NEWSROOM, folded) & ~_search(_NOT_NEWSROOM, folded))[codes], dtype=bool)


def _distinct(texts: pd.Series) -> tuple[np.ndarray, list[str] | pd.Series]:
    """Each row's code and the distinct texts, folded (titles and companies repeat across a network)."""
    codes, uniques = pd.factorize(texts.fillna(""))
    if len(uniques) < SMALL:
        return codes, [_fold_one(str(text)) for text in uniques]
    return codes, fold(pd.Series(uniques, dtype=object))


def _search(pattern: re.Pattern[str], folded: list[str] | pd.Series) -> np.ndarray:
    """Whether the pattern is found in each folded text, as a new writable array."""
    if isinstance(folded, list):
        return np.fromiter((pattern.search(text) is not None for text in folded), dtype=bool, count=len(folded))
    return folded.str.contains(pattern, regex=True).to_numpy(dtype=bool, copy=True)
