"""Seeded bodies for the LMI for All test double, built from SOC 2010 titles in the shapes of the recordings."""

from __future__ import annotations

import hashlib
import random
import re

# The 369 SOC 2010 unit groups (ONS), as "code title" entries joined by "|": the titles make generated
# bodies and searches read like the real service. Recorded SOCs use their real titles too.
_SOC_TEXT = """
1115 Chief executives and senior officials|1116 Elected officers and representatives
1121 Production managers and directors in manufacturing|1122 Production managers and directors in construction
1123 Production managers and directors in mining and energy|1131 Financial managers and directors
1132 Marketing and sales directors|1133 Purchasing managers and directors
1134 Advertising and public relations directors|1135 Human resource managers and directors
1136 Information technology and telecommunications directors|1139 Functional managers and directors n.e.c.
1150 Financial institution managers and directors|1161 Managers and directors in transport and distribution
1162 Managers and directors in storage and warehousing|1171 Officers in armed forces|1172 Senior police officers
1173 Senior officers in fire, ambulance, prison and related services
1181 Health services and public health managers and directors|1184 Social services managers and directors
1190 Managers and directors in retail and wholesale|1211 Managers and proprietors in agriculture and horticulture
1213 Managers and proprietors in forestry, fishing and related services
1221 Hotel and accommodation managers and proprietors
1223 Restaurant and catering establishment managers and proprietors|1224 Publicans and managers of licensed premises
1225 Leisure and sports managers|1226 Travel agency managers and proprietors|1241 Health care practice managers
1242 Residential, day and domiciliary care managers and proprietors|1251 Property, housing and estate managers
1252 Garage managers and proprietors|1253 Hairdressing and beauty salon managers and proprietors
1254 Shopkeepers and proprietors - wholesale and retail|1255 Waste disposal and environmental services managers
1259 Managers and proprietors in other services n.e.c.|2111 Chemical scientists
2112 Biological scientists and biochemists|2113 Physical scientists|2114 Social and humanities scientists
2119 Natural and social science professionals n.e.c.|2121 Civil engineers|2122 Mechanical engineers
2123 Electrical engineers|2124 Electronics engineers|2126 Design and development engineers
2127 Production and process engineers|2129 Engineering professionals n.e.c.|2133 IT specialist managers
2134 IT project and programme managers|2135 IT business analysts, architects and systems designers
2136 Programmers and software development professionals|2137 Web design and development professionals
2139 Information technology and telecommunications professionals n.e.c.|2141 Conservation professionals
2142 Environment professionals|2150 Research and development managers|2211 Medical practitioners|2212 Psychologists
2213 Pharmacists|2214 Ophthalmic opticians|2215 Dental practitioners|2216 Veterinarians|2217 Medical radiographers
2218 Podiatrists|2219 Health professionals n.e.c.|2221 Physiotherapists|2222 Occupational therapists
2223 Speech and language therapists|2229 Therapy professionals n.e.c.|2231 Nurses|2232 Midwives
2311 Higher education teaching professionals|2312 Further education teaching professionals
2314 Secondary education teaching professionals|2315 Primary and nursery education teaching professionals
2316 Special needs education teaching professionals|2317 Senior professionals of educational establishments
2318 Education advisers and school inspectors|2319 Teaching and other educational professionals n.e.c.
2412 Barristers and judges|2413 Solicitors|2419 Legal professionals n.e.c.|2421 Chartered and certified accountants
2423 Management consultants and business analysts|2424 Business and financial project management professionals
2425 Actuaries, economists and statisticians|2426 Business and related research professionals
2429 Business, research and administrative professionals n.e.c.|2431 Architects|2432 Town planning officers
2433 Quantity surveyors|2434 Chartered surveyors|2435 Chartered architectural technologists
2436 Construction project managers and related professionals|2442 Social workers|2443 Probation officers|2444 Clergy
2449 Welfare professionals n.e.c.|2451 Librarians|2452 Archivists and curators
2461 Quality control and planning engineers|2462 Quality assurance and regulatory professionals
2463 Environmental health professionals|2471 Journalists, newspaper and periodical editors
2472 Public relations professionals|2473 Advertising accounts managers and creative directors
3111 Laboratory technicians|3112 Electrical and electronics technicians|3113 Engineering technicians
3114 Building and civil engineering technicians|3115 Quality assurance technicians
3116 Planning, process and production technicians|3119 Science, engineering and production technicians n.e.c.
3121 Architectural and town planning technicians|3122 Draughtspersons|3131 IT operations technicians
3132 IT user support technicians|3213 Paramedics|3216 Dispensing opticians|3217 Pharmaceutical technicians
3218 Medical and dental technicians|3219 Health associate professionals n.e.c.|3231 Youth and community workers
3233 Child and early years officers|3234 Housing officers|3235 Counsellors
3239 Welfare and housing associate professionals n.e.c.|3311 NCOs and other ranks
3312 Police officers (sergeant and below)|3313 Fire service officers (watch manager and below)
3314 Prison service officers (below principal officer)|3315 Police community support officers
3319 Protective service associate professionals n.e.c.|3411 Artists|3412 Authors, writers and translators
3413 Actors, entertainers and presenters|3414 Dancers and choreographers|3415 Musicians
3416 Arts officers, producers and directors|3417 Photographers, audio-visual and broadcasting equipment operators
3421 Graphic designers|3422 Product, clothing and related designers|3441 Sports players
3442 Sports coaches, instructors and officials|3443 Fitness instructors|3511 Air traffic controllers
3512 Aircraft pilots and flight engineers|3513 Ship and hovercraft officers|3520 Legal associate professionals
3531 Estimators, valuers and assessors|3532 Brokers|3533 Insurance underwriters
3534 Finance and investment analysts and advisers|3535 Taxation experts|3536 Importers and exporters
3537 Financial and accounting technicians|3538 Financial accounts managers
3539 Business and related associate professionals n.e.c.|3541 Buyers and procurement officers
3542 Business sales executives|3543 Marketing associate professionals|3544 Estate agents and auctioneers
3545 Sales accounts and business development managers|3546 Conference and exhibition managers and organisers
3550 Conservation and environmental associate professionals|3561 Public services associate professionals
3562 Human resources and industrial relations officers|3563 Vocational and industrial trainers and instructors
3564 Careers advisers and vocational guidance specialists|3565 Inspectors of standards and regulations
3567 Health and safety officers|4112 National government administrative occupations
4113 Local government administrative occupations|4114 Officers of non-governmental organisations
4121 Credit controllers|4122 Book-keepers, payroll managers and wages clerks|4123 Bank and post office clerks
4124 Finance officers|4129 Financial administrative occupations n.e.c.|4131 Records clerks and assistants
4132 Pensions and insurance clerks and assistants|4133 Stock control clerks and assistants
4134 Transport and distribution clerks and assistants|4135 Library clerks and assistants
4138 Human resources administrative occupations|4151 Sales administrators|4159 Other administrative occupations n.e.c.
4161 Office managers|4162 Office supervisors|4211 Medical secretaries|4212 Legal secretaries|4213 School secretaries
4214 Company secretaries|4215 Personal assistants and other secretaries|4216 Receptionists
4217 Typists and related keyboard occupations|5111 Farmers|5112 Horticultural trades
5113 Gardeners and landscape gardeners|5114 Groundsmen and greenkeepers|5119 Agricultural and fishing trades n.e.c.
5211 Smiths and forge workers|5212 Moulders, core makers and die casters|5213 Sheet metal workers
5214 Metal plate workers and riveters|5215 Welding trades|5216 Pipe fitters
5221 Metal machining setters and setter-operators|5222 Tool makers, tool fitters and markers-out
5223 Metal working production and maintenance fitters|5224 Precision instrument makers and repairers
5225 Air-conditioning and refrigeration engineers|5231 Vehicle technicians, mechanics and electricians
5232 Vehicle body builders and repairers|5234 Vehicle paint technicians|5235 Aircraft maintenance and related trades
5236 Boat and ship builders and repairers|5237 Rail and rolling stock builders and repairers
5241 Electricians and electrical fitters|5242 Telecommunications engineers|5244 TV, video and audio engineers
5245 IT engineers|5249 Electrical and electronic trades n.e.c.
5250 Skilled metal, electrical and electronic trades supervisors|5311 Steel erectors|5312 Bricklayers and masons
5313 Roofers, roof tilers and slaters|5314 Plumbers and heating and ventilating engineers|5315 Carpenters and joiners
5316 Glaziers, window fabricators and fitters|5319 Construction and building trades n.e.c.|5321 Plasterers
5322 Floorers and wall tilers|5323 Painters and decorators|5330 Construction and building trades supervisors
5411 Weavers and knitters|5412 Upholsterers|5413 Footwear and leather working trades|5414 Tailors and dressmakers
5419 Textiles, garments and related trades n.e.c.|5421 Pre-press technicians|5422 Printers
5423 Print finishing and binding workers|5431 Butchers|5432 Bakers and flour confectioners
5433 Fishmongers and poultry dressers|5434 Chefs|5435 Cooks|5436 Catering and bar managers
5441 Glass and ceramics makers, decorators and finishers|5442 Furniture makers and other craft woodworkers
5443 Florists|5449 Other skilled trades n.e.c.|6121 Nursery nurses and assistants
6122 Childminders and related occupations|6123 Playworkers|6125 Teaching assistants
6126 Educational support assistants|6131 Veterinary nurses|6132 Pest control officers
6139 Animal care services occupations n.e.c.|6141 Nursing auxiliaries and assistants
6142 Ambulance staff (excluding paramedics)|6143 Dental nurses|6144 Houseparents and residential wardens
6145 Care workers and home carers|6146 Senior care workers|6147 Care escorts
6148 Undertakers, mortuary and crematorium assistants|6211 Sports and leisure assistants|6212 Travel agents
6214 Air travel assistants|6215 Rail travel assistants|6219 Leisure and travel service occupations n.e.c.
6221 Hairdressers and barbers|6222 Beauticians and related occupations|6231 Housekeepers and related occupations
6232 Caretakers|6240 Cleaning and housekeeping managers and supervisors|7111 Sales and retail assistants
7112 Retail cashiers and check-out operators|7113 Telephone salespersons|7114 Pharmacy and other dispensing assistants
7115 Vehicle and parts salespersons and advisers|7121 Collector salespersons and credit agents
7122 Debt, rent and other cash collectors|7123 Roundspersons and van salespersons
7124 Market and street traders and assistants|7125 Merchandisers and window dressers
7129 Sales related occupations n.e.c.|7130 Sales supervisors|7211 Call and contact centre occupations
7213 Telephonists|7214 Communication operators|7215 Market research interviewers
7219 Customer service occupations n.e.c.|7220 Customer service managers and supervisors
8111 Food, drink and tobacco process operatives|8112 Glass and ceramics process operatives
8113 Textile process operatives|8114 Chemical and related process operatives|8115 Rubber process operatives
8116 Plastics process operatives|8117 Metal making and treating process operatives|8118 Electroplaters
8119 Process operatives n.e.c.|8121 Paper and wood machine operatives|8122 Coal mine operatives
8123 Quarry workers and related operatives|8124 Energy plant operatives|8125 Metal working machine operatives
8126 Water and sewerage plant operatives|8127 Printing machine assistants|8129 Plant and machine operatives n.e.c.
8131 Assemblers (electrical and electronic products)|8132 Assemblers (vehicles and metal goods)
8133 Routine inspectors and testers|8134 Weighers, graders and sorters|8135 Tyre, exhaust and windscreen fitters
8137 Sewing machinists|8139 Assemblers and routine operatives n.e.c.|8141 Scaffolders, stagers and riggers
8142 Road construction operatives|8143 Rail construction and maintenance operatives
8149 Construction operatives n.e.c.|8211 Large goods vehicle drivers|8212 Van drivers|8213 Bus and coach drivers
8214 Taxi and cab drivers and chauffeurs|8215 Driving instructors|8221 Crane drivers|8222 Fork-lift truck drivers
8223 Agricultural machinery drivers|8229 Mobile machine drivers and operatives n.e.c.|8231 Train and tram drivers
8232 Marine and waterways transport operatives|8233 Air transport operatives|8234 Rail transport operatives
8239 Other drivers and transport operatives n.e.c.|9111 Farm workers|9112 Forestry workers
9119 Fishing and other elementary agriculture occupations n.e.c.|9120 Elementary construction occupations
9132 Industrial cleaning process occupations|9134 Packers, bottlers, canners and fillers
9139 Elementary process plant occupations n.e.c.|9211 Postal workers, mail sorters, messengers and couriers
9219 Elementary administration occupations n.e.c.|9231 Window cleaners|9232 Street cleaners
9233 Cleaners and domestics|9234 Launderers, dry cleaners and pressers|9235 Refuse and salvage occupations
9236 Vehicle valeters and cleaners|9239 Elementary cleaning occupations n.e.c.
9241 Security guards and related occupations|9242 Parking and civil enforcement occupations
9244 School midday and crossing patrol occupations|9249 Elementary security occupations n.e.c.|9251 Shelf fillers
9259 Elementary sales occupations n.e.c.|9260 Elementary storage occupations|9271 Hospital porters
9272 Kitchen and catering assistants|9273 Waiters and waitresses|9274 Bar staff|9275 Leisure and theme park attendants
9279 Other elementary services occupations n.e.c.
"""
SOC_TITLES: dict[int, str] = {
    int(entry[:4]): entry[5:] for entry in (e.strip() for e in re.split(r"[|\n]", _SOC_TEXT)) if entry
}
# Everyday names for some well-known groups, so that "nurse", "vet" or "electrician" find them as they do live.
ALIASES: dict[int, list[str]] = {
    2136: ["Developer, software", "Engineer, software", "Programmer"],
    2216: ["Vet", "Surgeon, veterinary", "Practitioner, veterinary"],
    2231: ["Nurse", "Nurse, staff", "Nurse, district", "Nurse, mental health", "Sister, ward"],
    2314: ["Teacher, secondary school", "Teacher (secondary school)"],
    2315: ["Teacher, primary school", "Teacher, nursery"],
    3213: ["Paramedic", "Technician, ambulance"],
    5241: ["Electrician", "Electrician, domestic", "Fitter, electrical", "Contractor, electrical"],
    5314: ["Plumber", "Engineer, heating", "Engineer, gas", "Fitter, bathroom"],
    5434: ["Chef", "Chef, head", "Chef, pastry"],
    6221: ["Hairdresser", "Barber", "Stylist, hair"],
}

# Region codes 1-11 are unconfirmed (clients disagree on the order); only 12 = Northern Ireland is known.
# The double names them itself, in the ONS order, so clients are tested taking names from the response.
REGIONS = ["London", "South East", "East of England", "South West", "West Midlands", "East Midlands",
           "Yorkshire and the Humber", "North West", "North East", "Wales", "Scotland", "Northern Ireland"]
BREAKDOWNS: dict[str, list[tuple[int, str]]] = {
    "region": list(enumerate(REGIONS, 1)),
    "industry": list(enumerate(["Agriculture", "Mining and quarrying", "Manufacturing", "Electricity, gas and water",
                                "Construction", "Wholesale and retail", "Transport and storage",
                                "Accommodation and food", "Information and communication", "Finance and business",
                                "Public administration", "Education", "Health and social work", "Other services"], 1)),
    # Names end in the level number, as NCS reads them; the codes deliberately differ from the levels.
    "qualification": [(n + 1, f"QCF {n}") for n in range(9)],
    "gender": [(1, "Male"), (2, "Female")],
    "status": [(1, "Full-time"), (2, "Part-time"), (3, "Self-employed")],
}
# ASHE leaves out the self-employed, so its status breakdown has no code 3.
ASHE_DIMENSIONS = {dim: [c for c, _ in codes if (dim, c) != ("status", 3)] for dim, codes in BREAKDOWNS.items()
                   if dim != "industry"}

# Years per release, as recorded: pay and hours cover different years, and 2014 never appears.
ASHE_YEARS = {"2017": {"estpay": (2013, 2015), "hours": (2015,)},
              "2016": {"estpay": (2012, 2013, 2015), "hours": (2012, 2013, 2015)}}
WF_YEARS = {"2017": (2014, 2024), "2016": (2012, 2022)}  # the Working Futures edition current at the time
LFS_YEARS = {"2017": (2001, 2015), "2016": (2001, 2014)}
ESS_YEAR = {"2017": 2015, "2016": 2013}
HESA_YEARS = {"2017": (2014, 2015), "2016": (2013, 2014)}

PAY = {1: 800, 2: 700, 3: 560, 4: 420, 5: 500, 6: 320, 7: 300, 8: 470, 9: 330}  # rough weekly £ per major group
HOURS = {1: 41, 2: 38, 3: 38, 4: 36, 5: 42, 6: 34, 7: 31, 8: 44, 9: 35}
_DUTIES = {
    1: "plan, direct and coordinate the work of their organisation, department or business",
    2: "apply a body of specialist knowledge to research, advise on and carry out professional work",
    3: "give technical support to professionals and carry out their own specialist tasks",
    4: "carry out administrative, clerical and secretarial work",
    5: "use skilled hand and machine methods to make, install, maintain and repair",
    6: "provide caring, leisure and other personal services",
    7: "sell goods and services and deal with customers' enquiries",
    8: "operate and monitor plant, machinery and vehicles",
    9: "carry out routine tasks that need little formal training",
}
_QUALIFICATIONS = {
    1: "Entry is possible with a variety of academic qualifications. Relevant experience is usually needed.",
    2: "Entry usually requires a degree or equivalent qualification. Professional qualifications are available.",
    3: "Entry is usually with A levels/H grades, a BTEC/SQA award or an apprenticeship.",
    4: "There are no formal academic requirements, although GCSEs/S grades are usually expected.",
    5: "Entry is usually through an apprenticeship. NVQs/SVQs are available at Levels 2 and 3.",
    6: "There are no formal academic requirements. Training is usually provided on the job.",
    7: "There are no formal academic requirements. Employers may ask for GCSEs/S grades.",
    8: "There are no formal academic requirements. A licence may be needed for some vehicles and machines.",
    9: "There are no formal academic requirements. Training is provided on the job.",
}
_TASKS = [
    "plans and organises the day's work", "checks that work meets the required standards",
    "keeps records and prepares reports", "follows health and safety procedures",
    "liaises with colleagues, managers and the public", "orders and maintains materials and equipment",
    "trains and supervises new staff", "deals with enquiries and complaints",
    "operates the tools, machines or software needed for the job", "works out costs and prepares estimates",
]
ONET_SKILLS = [tuple(s.split(" ", 1)) for s in (
    "2.A.1.a Reading Comprehension|2.A.1.b Active Listening|2.A.1.c Writing|2.A.1.d Speaking|2.A.1.e Mathematics|"
    "2.A.1.f Science|2.A.2.a Critical Thinking|2.A.2.b Active Learning|2.A.2.c Learning Strategies|"
    "2.A.2.d Monitoring|2.B.1.a Social Perceptiveness|2.B.1.b Coordination|2.B.1.c Persuasion|2.B.1.d Negotiation|"
    "2.B.1.e Instructing|2.B.1.f Service Orientation|2.B.2.i Complex Problem Solving|2.B.3.a Operations Analysis|"
    "2.B.3.b Technology Design|2.B.3.c Equipment Selection|2.B.3.d Installation|2.B.3.e Programming|"
    "2.B.3.g Operation Monitoring|2.B.3.h Operation and Control|2.B.3.j Equipment Maintenance|"
    "2.B.3.k Troubleshooting|2.B.3.l Repairing|2.B.3.m Quality Control Analysis|2.B.4.e Judgment and Decision Making|"
    "2.B.4.g Systems Analysis|2.B.4.h Systems Evaluation|2.B.5.a Time Management|"
    "2.B.5.b Management of Financial Resources|2.B.5.c Management of Material Resources|"
    "2.B.5.d Management of Personnel Resources").split("|")]
ONET_INTERESTS = [("1.B.1.a", "Realistic"), ("1.B.1.b", "Investigative"), ("1.B.1.c", "Artistic"),
                  ("1.B.1.d", "Social"), ("1.B.1.e", "Enterprising"), ("1.B.1.f", "Conventional")]
ONET_HIGH_POINTS = [("1.B.1.g", "First Interest High-Point"), ("1.B.1.h", "Second Interest High-Point"),
                    ("1.B.1.i", "Third Interest High-Point")]
# SOC sub-major group -> the O*NET major group its codes are drawn from.
ONET_MAJOR = {11: 11, 12: 11, 21: 17, 22: 29, 23: 25, 24: 13, 31: 17, 32: 29, 33: 33, 34: 27, 35: 13, 41: 43,
               42: 43, 51: 45, 52: 49, 53: 47, 54: 51, 61: 39, 62: 39, 71: 41, 72: 43, 81: 51, 82: 53, 91: 45, 92: 37}
HESA_COURSES = [
    "(A1) Pre-clinical medicine", "(B7) Nursing", "(B9) Others in subjects allied to medicine", "(C1) Biology",
    "(C8) Psychology", "(D1) Pre-clinical veterinary medicine", "(F1) Chemistry", "(F3) Physics",
    "(G1) Mathematics", "(H2) Civil engineering", "(H3) Mechanical engineering", "(H6) Electronic and electrical "
    "engineering", "(I1) Computer science", "(K1) Architecture", "(L1) Economics", "(L5) Social work", "(M1) Law",
    "(N1) Business studies", "(N4) Accounting", "(P5) Journalism", "(Q3) English studies", "(V1) History",
    "(W2) Design studies", "(X1) Training teachers",
]


def rng(seed: int, *parts: object) -> random.Random:
    """A generator that depends only on the seed and the parts, so a body is the same on every run."""
    digest = hashlib.sha256("|".join(map(str, (seed, *parts))).encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def title_for(soc: int) -> str:
    return SOC_TITLES.get(soc, f"Occupations in unit group {soc}")


def _singular(word: str) -> str:
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def title_parts(title: str) -> list[str]:
    """The phrases a group title lists: "Plumbers and heating and ventilating engineers" has three."""
    plain = re.sub(r"\s*\(.*?\)|\bn\.e\.c\.| - ", " ", title)
    return [p.strip() for p in re.split(r",| and ", plain) if p.strip()]


def _index_titles(title: str) -> list[str]:
    """Index-style entries ("Engineer, ventilating"), the way the ONS coding index lists alternative titles."""
    entries = []
    for part in title_parts(title):
        words = [w if w.isupper() else w.lower() for w in part.split()]
        head = _singular(words[-1])
        head = head[:1].upper() + head[1:]
        entries.append(f"{head}, {' '.join(words[:-1])}" if len(words) > 1 else head)
    return entries


def _add_titles(soc: int, r: random.Random) -> list[str]:
    base = list(dict.fromkeys(ALIASES.get(soc, []) + _index_titles(title_for(soc))))
    extras = [f"{t}, {q}" for t in base for q in ("senior", "chief", "assistant", "principal")]
    extras += [f"{t} (trainee)" for t in base] + [f"{t} (self-employed)" for t in base]
    titles = base + r.sample(extras, min(len(extras), max(0, r.randint(6, 24) - len(base))))
    r.shuffle(titles)  # live add_titles have no stable order
    return titles


def soc_object(soc: int, seed: int, vintage: str, in_search: bool = False) -> dict:
    """A SOC object, with the key order of its vintage; 2016 search results had no add_titles."""
    title, major, r = title_for(soc), soc // 1000, rng(seed, "soc", soc)
    duties = _DUTIES[major]
    if "n.e.c." in title:
        description = f"Workers in this unit group {duties} not elsewhere classified in MINOR GROUP {soc // 10}."
    else:
        description = f"{title} {duties}."
    tasks = r.sample(_TASKS, r.randint(4, 7))
    body = {"soc": soc, "title": title, "description": description, "qualifications": _QUALIFICATIONS[major],
            "tasks": " " + ";\n ".join(tasks) + ".", "add_titles": _add_titles(soc, r)}
    if vintage == "2016":
        order = ["soc", "title", "description", "qualifications", "tasks"] if in_search else \
            ["soc", "tasks", "description", "title", "qualifications", "add_titles"]
        return {key: body[key] for key in order}
    return body


def _stem(word: str) -> str:
    """A crude stemmer: enough that "driving" meets "drivers" and "library" meets "libraries", as live search does."""
    for suffix in ("ies", "ing", "ers", "er", "es", "s", "y", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def stems(text: str) -> set[str]:
    return {_stem(w) for w in re.findall(r"[a-z]+", text.lower())}


def search(q: str, socs: list[int], seed: int, vintage: str) -> list[dict]:
    """Full-text search over title, alternative titles and tasks; every query word must match somewhere."""
    wanted, scored = stems(q), []
    for soc in socs:
        body = soc_object(soc, seed, vintage)
        fields = [(3, stems(body["title"])), (2, stems(" ".join(body["add_titles"]))), (1, stems(body["tasks"]))]
        if wanted and all(any(w in words for _, words in fields) for w in wanted):
            scored.append((-sum(weight for weight, words in fields for w in wanted if w in words), soc))
    hits = [soc_object(soc, seed, vintage, in_search=True) for _, soc in sorted(scored)]
    return hits if vintage == "2016" else hits[:10]  # 2017 results are capped at 10; 2016 returned 24 for "driving"


def wf_levels(soc: int, seed: int, vintage: str) -> dict[int, float]:
    """Employment for every year of the edition, drawn in full so that minYear/maxYear never shift the values."""
    first, last = WF_YEARS[vintage]
    r = rng(seed, "wf", soc, vintage)
    level, growth = r.uniform(3_000, 300_000), r.uniform(-0.02, 0.025)
    return {year: level * (1 + growth) ** (year - first) * r.uniform(0.99, 1.01) for year in range(first, last + 1)}


def onet_codes(soc: int, seed: int) -> dict:
    """One to three O*NET codes for a SOC (one SOC can map to several), from the matching O*NET major group."""
    r, major = rng(seed, "onet", soc), ONET_MAJOR.get(soc // 100, 43)
    names = [p[:1].upper() + p[1:] for p in title_parts(title_for(soc))]
    return {"soc": soc, "onetCodes": [
        {"code": f"{major}-{r.randint(1000, 9999)}.{r.choice(('00', '00', '01', '02'))}",
         "occupations": r.sample(names, min(len(names), r.randint(1, 2))),
         "data_available": {k: r.random() > 0.1 for k in ("skills", "abilities", "interests")}}
        for _ in range(r.choice((1, 1, 2, 3)))]}


def onet_scales(kind: str, onet: str, seed: int) -> dict:
    """Skills (IM 1-5, LV 0-7) or interests (OI 1-7 and the three high points) for an O*NET code."""
    r = rng(seed, kind, onet)
    if kind == "skills":
        scales = [{"id": sid, "skills": [{"id": i, "name": n, "value": round(r.uniform(low, high), 2)}
                                         for i, n in ONET_SKILLS]} for sid, low, high in (("IM", 1, 5), ("LV", 0, 7))]
    else:
        values = [round(r.uniform(1, 7), 2) for _ in ONET_INTERESTS]
        top = sorted(range(len(values)), key=lambda i: -values[i])[:3]
        scales = [{"id": "OI", "interests": [{"id": i, "name": n, "value": v}
                                             for (i, n), v in zip(ONET_INTERESTS, values)]},
                  {"id": "IH", "interests": [{"id": i, "name": n, "value": float(t + 1)}
                                             for (i, n), t in zip(ONET_HIGH_POINTS, top)]}]
    r.shuffle(scales)  # clients must pick scales by id, not by position
    # interests always name their onetcode; skills bodies only sometimes do (client code treats it as optional)
    return {"onetcode": onet, "scales": scales} if kind == "interests" or r.random() < 0.5 else {"scales": scales}


def hesa_courses(soc: int, seed: int, vintage: str) -> dict:
    """The degree subjects of graduates entering a SOC, per year, largest share first."""
    years = []
    for year in HESA_YEARS[vintage]:
        r = rng(seed, "hesa", soc, year)
        names = r.sample(HESA_COURSES, r.randint(2, 8))
        weights = sorted((r.uniform(0.1, 1) for _ in names), reverse=True)
        scale = r.uniform(60, 100) / sum(weights)  # the listed subjects cover most, not all, of the graduates
        years.append({"year": year, "courses": [{"name": n, "percentage": round(w * scale, 1)}
                                                for n, w in zip(names, weights)]})
    return {"years": years}
