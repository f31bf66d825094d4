"""State of the drafting wizard: the plan, inline 3T findings, the task and key-result forms."""

from __future__ import annotations

import reflex as rx
from reflex.event import EventSpec

from woms_pwa.context import db
from woms_pwa.core.messages import planning as msg
from woms_pwa.core.permissions import Actor, PermissionDenied
from woms_pwa.core.planning import amendments, drafting, lifecycle
from woms_pwa.core.planning.common import PlanningError
from woms_pwa.core.planning.documents import plan_xlsx_bytes, render_decuong_pdf
from woms_pwa.core.planning.suggestions import accept_suggestion, suggest_metrics
from woms_pwa.core.planning.views import editor_view
from woms_pwa.pages.planning_parts import editor_rows, finding_rows, kr_form_values
from woms_pwa.state import SIGN_IN_ROUTE, AuthState

KR_FIELDS = (
    "title",
    "unit",
    "target",
    "baseline",
    "last_year_actual",
    "direction",
    "kind",
    "breakthrough",
    "weight",
    "due",
    "data_source",
    "evidence_required",
    "metric_code",
)
EMPTY_KR = {name: "" for name in KR_FIELDS} | {
    "direction": "increase",
    "kind": "kpi",
    "data_source": "manual",
}


class PlanEditState(AuthState):
    """One plan in the wizard, as flat display rows plus the form fields."""

    plan_id: int = 0
    header: dict[str, str] = {}
    rows: list[dict[str, str]] = []
    plan_findings: list[dict[str, str]] = []
    summary: str = ""
    has_errors: bool = False
    can_edit: bool = False
    can_amend: bool = False
    last_comment: str = ""
    pending: str = ""
    areas: list[dict[str, str]] = []
    area_map: dict[str, list[dict[str, str]]] = {}
    task_perspective: str = "service"
    kr_mode: str = ""  # add | edit | amend_add | amend_adjust | amend_remove
    kr_task_id: int = 0
    kr_code: str = ""
    kr: dict[str, str] = EMPTY_KR
    kr_reason: str = ""
    kr_data: dict[str, dict[str, str]] = {}
    suggestions: list[dict[str, str]] = []
    error: str = ""
    notice: str = ""
    loaded: bool = False

    def _refresh(self, actor: Actor) -> None:
        with db() as session:
            view = editor_view(session, actor, self.plan_id)
        self.header = {
            "title": view.owner_name,
            "subtitle": f"Kế hoạch kỳ {view.period} · {view.status_label} · phiên bản {view.version}",
            "template": view.template.title,
            "status": view.status,
            "history": f"/lap-ke-hoach/lich-su?plan={view.plan_id}",
        }
        self.rows = editor_rows(view)
        self.plan_findings = finding_rows(view.plan_findings)
        self.summary = (
            msg.CHECKS_SUMMARY.format(errors=view.errors, warnings=view.warnings)
            if view.errors or view.warnings
            else msg.CHECKS_OK
        )
        self.has_errors = view.errors > 0
        self.can_edit, self.can_amend = view.can_edit, view.can_amend
        self.last_comment = (
            msg.RETURN_COMMENT.format(comment=view.last_comment) if view.last_comment else ""
        )
        self.pending = (
            msg.PENDING_AMENDMENTS.format(count=view.pending_amendments)
            if view.pending_amendments
            else ""
        )
        self.area_map = {
            p: [{"value": a.area, "label": a.area} for a in view.template.areas_of(p)]
            for p in ("service", "budget", "process", "learning")
        }
        self.areas = self.area_map.get(self.task_perspective, [])
        self.kr_data = {kr.code: kr_form_values(kr) for t in view.tasks for kr in t.key_results}

    def _run(self, action) -> bool:  # type: ignore[no-untyped-def]
        """Run a core call with the actor; show its Vietnamese error; refresh the view."""
        actor = self._actor()
        if actor is None:
            return False
        self.error, self.notice = "", ""
        try:
            with db() as session:
                action(session, actor)
        except PlanningError as exc:
            self.error = " ".join([str(exc), *exc.details])
        except PermissionDenied as exc:
            self.error = str(exc)
        self._refresh(actor)
        return True

    @rx.event
    def load(self) -> EventSpec | None:
        """Read ``plan`` from the URL and show it."""
        actor = self._actor()
        if actor is None:
            return rx.redirect(SIGN_IN_ROUTE)
        self.loaded, self.error, self.notice, self.kr_mode = False, "", "", ""
        try:
            self.plan_id = int(self.router.url.query_parameters.get("plan", "0"))
            self._refresh(actor)
        except (ValueError, PermissionDenied) as exc:
            self.error = str(exc) if isinstance(exc, PermissionDenied) else msg.TASK_NOT_FOUND
            self.header = {}
        self.loaded = True
        return None

    @rx.event
    def set_task_perspective(self, value: str) -> None:
        """Perspective of the new task; the area list follows the template."""
        self.task_perspective = value
        self.areas = self.area_map.get(value, [])

    @rx.event
    def add_task(self, form: dict[str, str]) -> EventSpec | None:
        """Add a task from the task form."""

        def act(session, actor):  # type: ignore[no-untyped-def]
            drafting.add_task(
                session,
                actor,
                self.plan_id,
                title=form.get("task_title", ""),
                perspective=form.get("task_perspective", self.task_perspective),
                area=form.get("task_area", ""),
                reference=form.get("task_reference", ""),
                breakthrough=form.get("task_breakthrough") == "on",
            )

        if not self._run(act):
            return rx.redirect(SIGN_IN_ROUTE)
        return None if self.error else rx.set_value("task-title", "")

    @rx.event
    def delete_task(self, task_id: str) -> None:
        """Delete a task (drafts only)."""
        self._run(lambda s, a: drafting.delete_task(s, a, int(task_id)))

    @rx.event
    def start_kr(self, task_id: str) -> None:
        """Open the key-result form for a task (an amendment when the plan is approved)."""
        self.kr_mode = "amend_add" if self.can_amend else "add"
        self.kr_task_id, self.kr_code, self.kr, self.kr_reason = (
            int(task_id),
            "",
            dict(EMPTY_KR),
            "",
        )
        self.suggestions, self.error = [], ""

    @rx.event
    def start_edit(self, code: str) -> None:
        """Open the form on an existing key result (edit, or propose an adjustment)."""
        self.kr_mode = "amend_adjust" if self.can_amend else "edit"
        self.kr_code, self.kr = code, dict(self.kr_data.get(code, EMPTY_KR))
        self.kr_reason, self.suggestions, self.error = "", [], ""

    @rx.event
    def start_remove(self, code: str) -> None:
        """Delete a draft key result, or open the removal proposal of an approved one."""
        if self.can_edit:
            self._run(lambda s, a: drafting.delete_key_result(s, a, code))
            return
        self.kr_mode, self.kr_code, self.kr_reason = "amend_remove", code, ""
        self.kr = dict(self.kr_data.get(code, EMPTY_KR))

    @rx.event
    def cancel_kr(self) -> None:
        """Close the key-result form."""
        self.kr_mode, self.suggestions = "", []

    @rx.event
    def set_kr_field(self, name: str, value: str | bool) -> None:
        """Update one field of the key-result form."""
        text = ("1" if value else "") if isinstance(value, bool) else value
        self.kr = {**self.kr, name: text}

    @rx.event
    def set_kr_title(self, value: str) -> None:
        """Title typed (debounced): update it and refresh the metric suggestions."""
        self.kr = {**self.kr, "title": value}
        with db() as session:
            found = suggest_metrics(session, value, 4)
        self.suggestions = [
            {
                "code": s["code"],
                "name": s["name"],
                "unit": s["unit"],
                "direction": s["direction"],
                "why": s["why"],
            }
            for s in found
        ]

    @rx.event
    def set_kr_reason(self, value: str) -> None:
        """Reason of an amendment."""
        self.kr_reason = value

    @rx.event
    def apply_suggestion(self, code: str) -> None:
        """One tap fills the key result from a dictionary metric."""
        chosen = next((s for s in self.suggestions if s["code"] == code), None)
        if chosen is None:
            return
        typed = self.kr.get("title", "")
        self.kr = {
            **self.kr,
            "title": chosen["name"],
            "unit": chosen["unit"],
            "direction": chosen["direction"],
            "metric_code": code,
        }
        actor = self._actor()
        if actor is not None and typed:
            with db() as session:
                accept_suggestion(session, actor, typed, code)
        self.suggestions, self.notice = [], msg.SUGGESTION_APPLIED.format(code=code)

    @rx.event
    def save_kr(self) -> EventSpec | None:
        """Validate and store the key-result form (or send the amendment)."""
        mode, values, reason = self.kr_mode, dict(self.kr), self.kr_reason

        def act(session, actor):  # type: ignore[no-untyped-def]
            if mode == "amend_remove":
                amendments.propose_amendment(
                    session, actor, self.plan_id, kind="remove", reason=reason, kr_code=self.kr_code
                )
                return
            data = drafting.parse_key_result_form(values)
            if mode == "add":
                drafting.add_key_result(session, actor, self.kr_task_id, data)
            elif mode == "edit":
                drafting.update_key_result(session, actor, self.kr_code, data)
            elif mode == "amend_add":
                amendments.propose_amendment(
                    session,
                    actor,
                    self.plan_id,
                    kind="add",
                    reason=reason,
                    task_id=self.kr_task_id,
                    data=data,
                )
            else:
                amendments.propose_amendment(
                    session,
                    actor,
                    self.plan_id,
                    kind="adjust",
                    reason=reason,
                    kr_code=self.kr_code,
                    data=data,
                )

        if not self._run(act):
            return rx.redirect(SIGN_IN_ROUTE)
        if not self.error:
            self.notice = msg.AMEND_SENT if mode.startswith("amend") else msg.SAVED
            self.kr_mode, self.suggestions = "", []
            return rx.toast.success(self.notice)
        return None

    @rx.event
    def submit(self) -> EventSpec | None:
        """Submit the plan for approval."""
        if not self._run(lambda s, a: lifecycle.submit_plan(s, a, self.plan_id)):
            return rx.redirect(SIGN_IN_ROUTE)
        if not self.error:
            self.notice = msg.SUBMITTED
            return rx.toast.success(msg.SUBMITTED)
        return None

    @rx.event
    def download_pdf(self) -> EventSpec | None:
        """The Đề cương PDF of the plan."""
        actor = self._actor()
        if actor is None:
            return rx.redirect(SIGN_IN_ROUTE)
        with db() as session:
            data = render_decuong_pdf(session, actor, self.plan_id)
        return rx.download(
            data=data, filename=f"de-cuong-ke-hoach-{self.plan_id}.pdf", mime_type="application/pdf"
        )

    @rx.event
    def download_xlsx(self) -> EventSpec | None:
        """The plan in the exchange format (Excel)."""
        actor = self._actor()
        if actor is None:
            return rx.redirect(SIGN_IN_ROUTE)
        with db() as session:
            data = plan_xlsx_bytes(session, actor, self.plan_id)
        return rx.download(
            data=data,
            filename=f"ke-hoach-{self.plan_id}.xlsx",
            mime_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
