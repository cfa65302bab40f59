"""The formats and topics every organisation starts with. Both are data: L&D leads rename,
add and remove them; these are only the starting lists (the issue's and the guidance's)."""

from __future__ import annotations

from teams.models import Organisation

DEFAULT_FORMATS = (
    "Podcast",
    "Webinar",
    "Recorded session",
    "Self-paced module",
    "E-learning module",
    "Online course",
    "Reading",
    "Peer coaching",
    "Mentoring",
    "Shadowing",
    "Job rotation",
    "Community of practice",
    "Reflective group supervision",
    "Action learning set",
    "In-person training",
    "Conference",
    "Other",
)

DEFAULT_TOPICS = (
    "Emotional resilience and wellbeing",
    "Mental health",
    "Anti-racist practice",
    "Safeguarding adults",
    "Safeguarding children",
    "Law and policy",
    "Assessment and analysis",
    "Working with families",
    "Leadership and supervision",
    "Digital practice",
)


def ensure_defaults(organisation: Organisation) -> None:
    """Gives a new organisation the starting formats and topics; existing ones are kept."""
    from learning_catalogue.models import Format, Topic

    have_formats = set(organisation.learning_formats.values_list("name", flat=True))
    Format.objects.bulk_create(
        Format(organisation=organisation, name=name, position=position)
        for position, name in enumerate(DEFAULT_FORMATS)
        if name not in have_formats
    )
    have_topics = set(organisation.learning_topics.values_list("name", flat=True))
    Topic.objects.bulk_create(
        Topic(organisation=organisation, name=name)
        for name in DEFAULT_TOPICS
        if name not in have_topics
    )
