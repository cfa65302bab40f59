"""Top-level URLs: pages per app, the JSON API under /api/v1/, and sign-in."""

from django.contrib.auth import views as auth_views
from django.urls import include, path

from config.api import api
from teams import views as team_views
from teams.forms import SignInForm

urlpatterns = [
    path("", team_views.home, name="home"),
    path(
        "sign-in/",
        auth_views.LoginView.as_view(
            authentication_form=SignInForm, redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("sign-out/", auth_views.LogoutView.as_view(), name="logout"),
    path("organisation/", include("teams.urls")),
    path("integrations/", include("integrations.urls")),
    path("api/v1/", api.urls),
]

handler400 = "teams.views.bad_request"
handler403 = "teams.views.permission_denied"
handler404 = "teams.views.page_not_found"
handler500 = "teams.views.server_error"
