"""Template context every page needs: the organisation's name and colour and the role menu."""

from django.http import HttpRequest


def navigation(request: HttpRequest) -> dict[str, object]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"organisation": None, "nav_items": []}
    items = [("home", "Home")]
    return {"organisation": user.organisation, "nav_items": items}
