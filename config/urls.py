"""Top-level URLs: pages per app, the JSON API under /api/v1/, and sign-in."""

from django.contrib.auth import views as auth_views
from django.urls import include, path

from config.api import api
from teams.auth_forms import PasswordResetRequestForm, SignInForm
from teams.views.home import home

PASSWORD_PAGES = [
    (
        "password/reset/",
        auth_views.PasswordResetView.as_view(form_class=PasswordResetRequestForm),
        "password_reset",
    ),
    ("password/reset/sent/", auth_views.PasswordResetDoneView.as_view(), "password_reset_done"),
    (
        "password/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(post_reset_login=False),
        "password_reset_confirm",
    ),
    (
        "password/reset/complete/",
        auth_views.PasswordResetCompleteView.as_view(),
        "password_reset_complete",
    ),
    ("password/change/", auth_views.PasswordChangeView.as_view(), "password_change"),
    (
        "password/change/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        "password_change_done",
    ),
]

urlpatterns = [
    path("", home, name="home"),
    path(
        "sign-in/",
        auth_views.LoginView.as_view(
            authentication_form=SignInForm, redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("sign-out/", auth_views.LogoutView.as_view(), name="logout"),
    # People added by an admin or the HR import have no password yet: they set one through the
    # reset link, which is also the "forgotten password" route.
    *(path(route, view, name=name) for route, view, name in PASSWORD_PAGES),
    path("organisation/", include("teams.urls")),
    path("integrations/", include("teams.imports.urls")),
    path("learning/", include("learning_catalogue.urls")),
    path("protected-time/", include("planner.urls")),
    path("api/v1/", api.urls),
]

handler400 = "core.errors.bad_request"
handler403 = "core.errors.permission_denied"
handler404 = "core.errors.page_not_found"
handler500 = "core.errors.server_error"
