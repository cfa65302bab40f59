"""Top-level URLs: pages per app, the JSON API under /api/v1/, and sign-in."""

from django.contrib.auth import views as auth_views
from django.urls import include, path

from config.api import api
from teams.auth_forms import PasswordResetRequestForm, SignInForm
from teams.views.home import home

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
    path(
        "password/reset/",
        auth_views.PasswordResetView.as_view(form_class=PasswordResetRequestForm),
        name="password_reset",
    ),
    path(
        "password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "password/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(post_reset_login=False),
        name="password_reset_confirm",
    ),
    path(
        "password/reset/complete/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("password/change/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path(
        "password/change/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
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
