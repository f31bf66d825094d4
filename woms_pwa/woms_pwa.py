"""The WOMS Reflex app: theme, head tags and routes."""

from __future__ import annotations

import reflex as rx

from woms_pwa.core import messages as msg
from woms_pwa.pages.auth import SIGN_IN_ROUTE, SignInState, sign_in_page
from woms_pwa.pages.checkin import CHECKIN_ROUTE, CheckInState, checkin_page
from woms_pwa.pages.home import HomeState, home_page
from woms_pwa.pages.plan import PLAN_ROUTE, PlanState, plan_page

app = rx.App(
    theme=rx.theme(
        appearance="light", accent_color="blue", gray_color="slate", radius="medium", scaling="100%"
    ),
    html_lang="vi",
    stylesheets=["/woms.css"],
    head_components=[
        rx.el.meta(name="theme-color", content="#0d4ea6"),
        rx.el.meta(name="description", content=msg.APP_LONG_NAME),
    ],
)
app.add_page(
    sign_in_page,
    route=SIGN_IN_ROUTE,
    title=f"{msg.SIGN_IN} · {msg.APP_NAME}",
    on_load=SignInState.open,
)
app.add_page(home_page, route="/", title=f"{msg.HOME} · {msg.APP_NAME}", on_load=HomeState.load)
app.add_page(
    plan_page, route=PLAN_ROUTE, title=f"{msg.PLAN} · {msg.APP_NAME}", on_load=PlanState.load
)
app.add_page(
    checkin_page,
    route=CHECKIN_ROUTE,
    title=f"{msg.CHECKIN_TITLE} · {msg.APP_NAME}",
    on_load=CheckInState.load,
)
