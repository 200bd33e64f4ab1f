"""Messages of the sensitivity analysis (tornado) and of goal seeking (« Que faudrait-il ? »)."""

CATALOGUE: dict[str, tuple[str, str]] = {
    "scenario.not_numeric": (
        "{key} : pas une hypothèse numérique à plage bornée du schéma des scénarios",
        "{key}: not a numeric assumption with a bounded range in the scenario schema",
    ),
    "goal.unknown_target": (
        "objectif « {value} » inconnu ; objectifs possibles : {allowed}",
        "unknown target “{value}”; known targets: {allowed}",
    ),
    "goal.no_lever": (
        "choisir au moins un levier (une hypothèse numérique, ex. "
        "energy.residential.renovation_rate)",
        "choose at least one lever (a numeric assumption, e.g. energy.residential.renovation_rate)",
    ),
    "goal.horizon": (
        "l'objectif {target} porte sur {year}, après l'horizon du scénario ({horizon})",
        "target {target} is for {year}, after the scenario's horizon ({horizon})",
    ),
    "goal.places": (
        "Places en établissement pour 100 personnes de 75 ans ou plus",
        "Care-home places per 100 people aged 75+",
    ),
    "goal.target.places": (
        "taux d'équipement d'aujourd'hui",
        "today's equipment rate",
    ),
    "goal.target.given": ("objectif donné", "given target"),
    "goal.unit.per_100": ("pour 100", "per 100"),
    "goal.met": (
        "{indicator} en {year} : {value} {unit} pour un objectif de {target} {unit} "
        "({target_name}) : objectif déjà atteint par le scénario, aucun levier à bouger.",
        "{indicator} in {year}: {value} {unit} for a target of {target} {unit} ({target_name}): "
        "already met by the scenario, no lever to move.",
    ),
    "goal.solved": (
        "Pour atteindre l'objectif {indicator} en {year} ({target_name} : {target} {unit}), il "
        "faudrait : {levers}. On obtient alors {value} {unit} au lieu de {start} {unit}.",
        "To meet the target for {indicator} in {year} ({target_name}: {target} {unit}), it would "
        "take: {levers}. That gives {value} {unit} instead of {start} {unit}.",
    ),
    "goal.unreachable": (
        "Objectif {indicator} en {year} hors d'atteinte avec ce levier : même au bout de sa plage "
        "({levers}), on obtient {value} {unit} pour un objectif de {target} {unit} "
        "({target_name}), soit un écart de {gap} {unit} ({gap_pct} %).",
        "Target for {indicator} in {year} out of reach with this lever: even at the end of its "
        "range ({levers}), it gives {value} {unit} for a target of {target} {unit} "
        "({target_name}), a gap of {gap} {unit} ({gap_pct}%).",
    ),
    "goal.no_effect": (
        "Ce levier ne change pas {indicator} en {year} ({value} {unit}) : en choisir un autre.",
        "This lever does not move {indicator} in {year} ({value} {unit}): choose another one.",
    ),
    "goal.lever": (
        "{label} à {value} {unit} (scénario : {start})",
        "{label} at {value} {unit} (scenario: {start})",
    ),
    "goal.implausible": (
        ", au-delà de la plage plausible ({low} à {high})",
        ", beyond the plausible range ({low} to {high})",
    ),
    "goal.and": (" ; ", "; "),
    "cli.one_scenario": (
        "donner un --scenario ou un --scenario-file, un seul",
        "give one --scenario or one --scenario-file, not both",
    ),
    "cli.solve_saved": (
        "variante qui atteint l'objectif écrite dans {file} (empreinte {hash})",
        "variant meeting the target written to {file} (hash {hash})",
    ),
}
