"""Messages of the live dashboards: what the room is told after a click (saved, refused,
cannot compute) and the words that say what kind of message it is.
"""

CATALOGUE: dict[str, tuple[str, str]] = {
    # kinds, shown before each message with an icon (not by colour only)
    "ui.kind.error": ("Erreur", "Error"),
    "ui.kind.warning": ("Attention", "Warning"),
    "ui.kind.success": ("C'est fait", "Done"),
    # variants
    "ui.name_needed": ("Donnez un nom à la variante.", "Give the variant a name."),
    "ui.name_taken": (
        "Une variante « {name} » existe déjà : cliquez encore sur « Enregistrer la variante » "
        "pour la remplacer, ou choisissez un autre nom.",
        "A variant “{name}” already exists: click “Save the variant” again to replace it, or "
        "choose another name.",
    ),
    "ui.saved": (
        "Variante « {name} » enregistrée sur le serveur : {path}",
        "Variant “{name}” saved on the server: {path}",
    ),
    "ui.saved_read_only": (
        "Variante « {name} » gardée pour cette séance. Le serveur est en lecture seule : "
        "téléchargez-la avec le lien « {link} » ci-dessous.",
        "Variant “{name}” kept for this session. The server is read-only: download it with "
        "the “{link}” link below.",
    ),
    "ui.renamed": ("Variante « {old} » renommée « {name} ».", "Variant “{old}” renamed “{name}”."),
    "ui.deleted": ("Variante « {name} » supprimée.", "Variant “{name}” deleted."),
    "ui.choose_variant": (
        "Choisissez d'abord une variante dans la liste.",
        "First choose a variant in the list.",
    ),
    "ui.too_many": (
        "Quatre variantes au plus peuvent être comparées.",
        "At most four variants can be compared.",
    ),
    "ui.compare_count": (
        "Choisissez de 2 à 4 scénarios à comparer ({count} choisi(s)) : la comparaison "
        "affichée reste la précédente.",
        "Choose 2 to 4 scenarios to compare ({count} chosen): the comparison shown stays the "
        "previous one.",
    ),
    "ui.variants_lost": (
        "Variante de l'adresse ignorée : {problem}",
        "Variant of the address ignored: {problem}",
    ),
    # exact values typed next to a slider
    "ui.value_unreadable": (
        "« {value} » n'est pas un nombre : tapez la valeur de « {label} » en chiffres, par "
        "exemple {example}.",
        "“{value}” is not a number: type the value of “{label}” in figures, for example {example}.",
    ),
    "ui.value_out_of_range": (
        "{value} est hors de la plage admise pour « {label} » : de {low} à {high} {unit}.",
        "{value} is outside the allowed range of “{label}”: {low} to {high} {unit}.",
    ),
    "ui.value_not_whole": (
        "« {label} » prend un nombre entier ({value} n'en est pas un).",
        "“{label}” takes a whole number ({value} is not one).",
    ),
    # territory, address, computation
    "ui.no_result": (
        "Aucun territoire ne correspond à « {query} » (nom, numéro de département, code INSEE "
        "ou SIREN).",
        "No territory matches “{query}” (name, département number, INSEE code or SIREN).",
    ),
    "ui.query_problem": (
        "Paramètre d'adresse ignoré : {problem}",
        "Address parameter ignored: {problem}",
    ),
    "ui.error": ("Calcul impossible : {message}", "Cannot compute: {message}"),
}
