"""Optional phrasing of a composed answer by a language model (through langchain).

The model only rewrites: it receives the question, the composed answer and
the numbered sources, and must keep every ``[n]`` marker. If it drops them,
fails or times out, the composed answer stands (the facts never depend on it).
"""

from __future__ import annotations

import re

from assistant import phrases as ph
from assistant.wording import Answer

SYSTEM_PROMPT = (
    "Bạn là trợ lý của lãnh đạo tỉnh. Viết lại câu trả lời dưới đây bằng tiếng Việt ngắn gọn, "
    "tự nhiên. Chỉ dùng các số liệu và nội dung có trong câu trả lời và các nguồn; không thêm "
    "nguyên nhân, số liệu hay nhận định nào khác. Giữ nguyên các ký hiệu trích dẫn như [1], [2] "
    "đặt sau câu dùng nguồn đó."
)
_MARK = re.compile(r"\[(\d+)\]")


def build_messages(question: str, answer: Answer) -> list[tuple[str, str]]:
    """The chat messages sent to the model (system, then the user's material)."""
    sources = "\n".join(
        f"[{c.number}] {c.source.unit_code} {c.source.kr_code} {c.source.date or ''}: {c.quote}"
        for c in answer.citations
    )
    user = f"Câu hỏi: {question}\n\nCâu trả lời đã soạn:\n{answer.text}\n\nNguồn:\n{sources or '(không có)'}"
    return [("system", SYSTEM_PROMPT), ("human", user)]


def phrase(
    question: str,
    answer: Answer,
    *,
    base_url: str,
    model: str,
    api_key: str = "",
    timeout: float = 20.0,
) -> Answer:
    """Let an OpenAI-compatible endpoint (OpenAI, vLLM, Ollama ``/v1``…) phrase the answer.

    Args:
        question: the user's question.
        answer: the composed answer (facts and citations).
        base_url: the endpoint, e.g. ``http://127.0.0.1:11434/v1``.
        model: the model name.
        api_key: the key, when the endpoint wants one.
        timeout: seconds before giving up.

    Returns:
        The answer with model wording and the same citations, or ``answer`` unchanged.
    """
    if answer.status != "answer" or not base_url:
        return answer
    from langchain_openai import ChatOpenAI

    chat = ChatOpenAI(
        base_url=base_url,
        model=model or "default",
        api_key=api_key or "khong-can",  # type: ignore[arg-type]
        timeout=timeout,
        max_retries=0,
        temperature=0,
    )
    try:
        reply = chat.invoke(build_messages(question, answer))
    except Exception:
        return answer
    content = reply.content if isinstance(reply.content, str) else str(reply.content)
    text = content.strip()
    if not text:
        return answer
    valid = {c.number for c in answer.citations}
    marks = {int(m) for m in _MARK.findall(text)}
    if marks - valid:
        # An invented reference: do not trust this wording.
        return answer
    missing = sorted(valid - marks)
    if missing:
        refs = " ".join(ph.CITE.format(n=n) for n in missing)
        text += "\n" + ph.LLM_SOURCES.format(refs=refs)
    return Answer(text, answer.citations, answer.status, answer.options, answer.facts)
