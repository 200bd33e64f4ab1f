"""Services and housing assumptions: schools, childcare, general practitioners, dwellings.

Sources are those of ``reference/PARAMETERS-services-adaptation.md`` section G; what is not
found there is marked « Hypothèse du projet ».
"""

from __future__ import annotations

from .fields import Section, assumption

OWN = "Hypothèse du projet (docs/methodology/services.md)"
CLASS_SIZE_PRIMARY = (
    "DEPP, note d'information rentrée 2022 (via Café pédagogique) : 22 élèves par classe en "
    "préélémentaire public, 21 en élémentaire"
)


class Schools(Section):
    """Schooling rates, class sizes and teaching staff."""

    schooled_at_2: float = assumption(
        9.0,
        ge=0.0,
        le=100.0,
        step=0.5,
        unit="%",
        label_fr="Scolarisation à 2 ans",
        label_en="Schooling at age 2",
        source="DEPP, note rentrée 2023 (via Café pédagogique) : « de 10 à 9 % en un an »",
    )
    """Children aged 2 in maternelle (% of the age)."""

    schooled_at_3: float = assumption(
        98.5,
        ge=0.0,
        le=100.0,
        step=0.5,
        unit="%",
        label_fr="Scolarisation à 3 ans",
        label_en="Schooling at age 3",
        source="DEPP, note d'information rentrée 2024 : « Le taux de scolarisation des enfants "
        "de 3 ans est de 98,5 % »",
    )
    """Children aged 3 in maternelle (% of the age); 4–14 are schooled in full."""

    schooled_lycee: float = assumption(
        88.0,
        ge=50.0,
        le=100.0,
        step=0.5,
        unit="%",
        label_fr="Jeunes de 15 à 17 ans au lycée",
        label_en="Young people aged 15–17 in lycée",
        source=OWN + " : le reste est en apprentissage, en lycée agricole ou hors de l'école ; "
        "ordre de grandeur tiré du total du second degré de la DEPP (5,6 millions en 2024)",
    )
    """Young people aged 15–17 in a lycée of the Education nationale (% of the ages)."""

    class_size_maternelle: float = assumption(
        22.0,
        ge=10.0,
        le=35.0,
        step=0.5,
        unit="élèves par classe",
        label_fr="Élèves par classe, maternelle",
        label_en="Pupils per class, maternelle",
        source=CLASS_SIZE_PRIMARY,
    )
    """Average class size in maternelle (pupils per class)."""

    class_size_elementaire: float = assumption(
        21.0,
        ge=10.0,
        le=35.0,
        step=0.5,
        unit="élèves par classe",
        label_fr="Élèves par classe, élémentaire",
        label_en="Pupils per class, élémentaire",
        source=CLASS_SIZE_PRIMARY,
    )
    """Average class size in élémentaire (pupils per class)."""

    class_size_college: float = assumption(
        25.9,
        ge=10.0,
        le=35.0,
        step=0.1,
        unit="élèves par classe",
        label_fr="Élèves par classe, collège",
        label_en="Pupils per class, collège",
        source="DEPP, note d'information juillet 2023 (via VousNousIls) : 25,9 élèves par classe "
        "au collège hors Segpa, rentrée 2022",
    )
    """Average class size in collège (pupils per class)."""

    class_size_lycee: float = assumption(
        26.6,
        ge=10.0,
        le=40.0,
        step=0.1,
        unit="élèves par classe",
        label_fr="Élèves par classe, lycée",
        label_en="Pupils per class, lycée",
        source="Dérivé : 30,3 en lycée général et technologique et 17,9 en lycée professionnel "
        "(DEPP, rentrée 2022, via VousNousIls), pondérés 70/30 (part du professionnel : "
        "hypothèse du projet)",
    )
    """Average class size in lycée (pupils per class)."""

    teachers_per_class: float = assumption(
        1.0,
        ge=0.5,
        le=2.0,
        step=0.05,
        unit="ETP par classe",
        label_fr="Enseignants par classe, premier degré",
        label_en="Teachers per class, primary",
        source=OWN + " : un enseignant par classe, hors remplacement et décharges",
    )
    """Teachers per class in maternelle and élémentaire (FTE per class)."""

    hours_per_pupil: float = assumption(
        27.0,
        ge=20.0,
        le=35.0,
        step=0.5,
        unit="heures par semaine",
        label_fr="Heures de cours d'un élève, second degré",
        label_en="Weekly hours of a pupil, secondary",
        source=OWN + " : horaires réglementaires de 26 h au collège et 28 à 30 h au lycée",
    )
    """Weekly teaching hours of a collège or lycée pupil (hours per week)."""

    pupils_per_hour: float = assumption(
        21.7,
        ge=10.0,
        le=35.0,
        step=0.1,
        unit="élèves par heure de cours",
        label_fr="Élèves par heure de cours (E/S), second degré",
        label_en="Pupils per teaching hour (E/S), secondary",
        source="DEPP, note d'information n°25.49 (2025), rentrée 2024 : « 21,7 élèves par "
        "heure de cours en moyenne dans le second degré »",
    )
    """Pupils in front of a teacher per teaching hour (groups included)."""

    teacher_hours: float = assumption(
        18.0,
        ge=12.0,
        le=24.0,
        step=0.5,
        unit="heures par semaine",
        label_fr="Service hebdomadaire d'un enseignant, second degré",
        label_en="Weekly service of a secondary teacher",
        source="Décret n°2014-940 du 20 août 2014 : 18 heures hebdomadaires pour un "
        "professeur certifié",
    )
    """Weekly teaching service of one full-time secondary teacher (hours per week)."""

    cost_per_teacher: float = assumption(
        55_000.0,
        ge=0.0,
        le=150_000.0,
        step=1000.0,
        unit="€ par ETP et par an",
        label_fr="Coût d'un enseignant",
        label_en="Cost of a teacher",
        source=OWN + " : ordre de grandeur du coût employeur, non trouvé dans une source "
        "publiée vérifiée",
    )
    """Employer cost of one teacher (euros per FTE per year)."""


class Childcare(Section):
    """Childcare (EAJE places) for children under 3."""

    coverage_target: float = assumption(
        22.6,
        ge=0.0,
        le=100.0,
        step=0.5,
        unit="places pour 100 enfants de moins de 3 ans",
        label_fr="Places en crèche visées pour 100 enfants de moins de 3 ans",
        label_en="Target crèche places per 100 children under 3",
        source="Dérivé : 436 300 places en EAJE (CNAF, 2016) pour 1,93 million d'enfants de "
        "moins de 3 ans au 1er janvier 2025 (INSEE), le niveau national d'aujourd'hui ; "
        "repère : 17,8 places en EAJE pour 100 en 2015 et 56,6 tous modes d'accueil formels "
        "(ONAPE, rapport 2016, via ASH)",
    )
    """EAJE places per 100 children under 3 reached in the target year, linearly from today's
    estimated coverage (places per 100 children)."""

    target_year: int = assumption(
        2035,
        ge=2026,
        le=2100,
        step=1,
        unit="année",
        label_fr="Année où la couverture visée est atteinte",
        label_en="Year the target coverage is reached",
        source="Choix de modélisation : progression linéaire depuis 2025",
    )
    """Year the coverage target is reached (year)."""

    staff_per_place: float = assumption(
        0.3,
        ge=0.0,
        le=1.0,
        step=0.01,
        unit="ETP par place",
        label_fr="Personnel par place",
        label_en="Staff per place",
        source=OWN + " : un professionnel pour 6 enfants présents (Code de la santé publique, "
        "art. R2324-43-1), sur des journées d'ouverture plus longues qu'un temps plein",
    )
    """Full-time equivalent staff per childcare place (FTE per place)."""

    cost_per_place: float = assumption(
        11_000.0,
        ge=0.0,
        le=40_000.0,
        step=100.0,
        unit="€ par place et par an",
        label_fr="Coût de fonctionnement d'une place",
        label_en="Running cost of a place",
        source="Audition parlementaire, 2009 (via nosdeputes) : « entre 10 000 et 12 000 euros "
        "par an » pour une place de crèche",
    )
    """Gross running cost of a childcare place (euros per place per year)."""

    investment_per_place: float = assumption(
        26_000.0,
        ge=0.0,
        le=100_000.0,
        step=500.0,
        unit="€ par place créée",
        label_fr="Investissement par place créée",
        label_en="Investment per new place",
        source="Dérivé d'un seul exemple (Assemblée nationale, 2008-2009, via nosdeputes) : "
        "470 000 € pour deux micro-crèches de 9 places ; l'aide de la CNAF est de 7 400 à "
        "17 000 € par place (monenfant.fr)",
    )
    """Investment per childcare place created (euros per place)."""


class Health(Section):
    """General-practitioner demand and supply."""

    consultations_per_person: float = assumption(
        2.8,
        ge=0.5,
        le=8.0,
        step=0.1,
        unit="consultations par habitant et par an",
        label_fr="Consultations de généraliste par habitant",
        label_en="GP consultations per resident",
        source="Dérivé : 190 millions de consultations de généralistes en 2018 (IQVIA, via Le "
        "Quotidien du Médecin) pour 67 millions d'habitants ; profil par âge et sexe : " + OWN,
    )
    """Mean GP consultations per resident at France's 2025 age structure; each sex and age
    consults in proportion to the project's profile (consultations per person per year)."""

    demand_trend: float = assumption(
        0.0,
        ge=-3.0,
        le=3.0,
        step=0.1,
        unit="% par an",
        label_fr="Évolution du recours à âge égal",
        label_en="Change of GP use at a given age",
        source="Choix de modélisation : 0 (recours par âge constant)",
    )
    """Change of consultations per person at every age, compounded from 2025 (% per year)."""

    consultations_per_gp: float = assumption(
        3000.0,
        ge=2000.0,
        le=8000.0,
        step=100.0,
        unit="consultations par médecin et par an",
        label_fr="Consultations par généraliste et par an",
        label_en="Consultations per GP per year",
        source="Dérivé : 190 millions de consultations (IQVIA 2018, via Le Quotidien du "
        "Médecin) pour les 63 482 généralistes de la BPE 2013 ; IQVIA donne « environ 5 000 "
        "consultations par an » pour un médecin à plein temps",
    )
    """Consultations one full-time GP gives in a year (the workload assumption)."""


class Housing(Section):
    """Households and dwellings needed (« point mort »)."""

    decohabitation: float = assumption(
        0.05,
        ge=-1.0,
        le=2.0,
        step=0.05,
        unit="% par an",
        label_fr="Desserrement : évolution des taux de ménages à âge égal",
        label_en="Decohabitation: change of headship rates at a given age",
        source=OWN + " : réglé pour qu'avec les hypothèses insee-central la France compte 34,3 "
        "millions de ménages en 2050, proche de la projection centrale de l'INSEE (34,0 "
        "millions ; Insee Focus n°317, 2024)",
    )
    """Change of the households per person at every age and sex, compounded from 2021
    (% per year); 0 keeps today's cohabitation behaviour."""

    renewal_rate: float = assumption(
        0.1,
        ge=0.0,
        le=1.0,
        step=0.01,
        unit="% du parc par an",
        label_fr="Renouvellement du parc (démolitions remplacées)",
        label_en="Stock renewal (demolitions replaced)",
        source="Dérivé : 30 000 à 50 000 logements par an (J.-C. Driant, Dictionnaire du "
        "logement, 2021) sur 37,8 millions de logements (INSEE, 2023)",
    )
    """Dwellings demolished or merged each year and replaced (% of the stock per year)."""

    change_of_use: float = assumption(
        0.0,
        ge=-0.5,
        le=0.5,
        step=0.01,
        unit="% du parc par an",
        label_fr="Changements d'usage (logements perdus, négatif : créés)",
        label_en="Changes of use (dwellings lost, negative: created)",
        source=OWN + " : 0, les transformations en logement et hors logement se compensent",
    )
    """Net dwellings lost to other uses each year (% of the stock per year)."""

    vacancy_change: float = assumption(
        0.0,
        ge=-6.0,
        le=6.0,
        step=0.1,
        unit="points de %",
        label_fr="Évolution de la vacance d'ici l'année cible",
        label_en="Change of vacancy by the target year",
        source="Départ : 8,2 % de logements vacants (INSEE 2023, via Le Monde 2024), faute de "
        "taux local ; 0 = vacance constante",
    )
    """Change of the vacant share of the stock by the target year, linearly from 2021
    (percentage points)."""

    second_homes_change: float = assumption(
        0.0,
        ge=-6.0,
        le=6.0,
        step=0.1,
        unit="points de %",
        label_fr="Évolution des résidences secondaires d'ici l'année cible",
        label_en="Change of second homes by the target year",
        source="Départ : 9,9 % de résidences secondaires et occasionnelles (INSEE 2023, via "
        "Affiches Parisiennes), faute de taux local ; 0 = part constante",
    )
    """Change of the second-home share of the stock by the target year, linearly from 2021
    (percentage points)."""

    target_year: int = assumption(
        2050,
        ge=2026,
        le=2100,
        step=1,
        unit="année",
        label_fr="Année où vacance et résidences secondaires atteignent leur cible",
        label_en="Year vacancy and second homes reach their target",
        source="Choix de modélisation",
    )
    """Year of the vacancy and second-home targets (year)."""


class Services(Section):
    """Services and housing assumptions."""

    schools: Schools = Schools()
    """Schools: enrolment, classes and teachers."""

    childcare: Childcare = Childcare()
    """Childcare places for children under 3."""

    health: Health = Health()
    """General practitioners."""

    housing: Housing = Housing()
    """Households and dwellings (« point mort »)."""
