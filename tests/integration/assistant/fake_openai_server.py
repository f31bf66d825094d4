"""A real OpenAI-compatible chat-completions server on loopback, for tests.

Run as ``python fake_openai_server.py PORT MODE``. MODE ``echo`` rephrases by
returning "Tóm tắt: " + the composed answer it was given (keeping the [n]
markers); MODE ``invent`` cites a source that does not exist; MODE ``drop``
returns text without any marker.
"""

from __future__ import annotations

import json
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

MODE = "echo"
REQUESTS: list[dict[str, object]] = []


class Handler(BaseHTTPRequestHandler):
    """Answers POST /v1/chat/completions."""

    def log_message(self, *args: object) -> None:
        pass

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", "0"))
        body = json.loads(self.rfile.read(length) or b"{}")
        if not self.path.endswith("/chat/completions"):
            self.send_response(404)
            self.end_headers()
            return
        user = next((m["content"] for m in body.get("messages", []) if m["role"] == "user"), "")
        composed = user.split("Câu trả lời đã soạn:\n", 1)[-1].split("\n\nNguồn:", 1)[0]
        if MODE == "invent":
            content = "Nguyên nhân là thời tiết xấu [9]."
        elif MODE == "drop":
            content = "Tóm tắt không kèm nguồn."
        else:
            content = "Tóm tắt: " + composed
        reply = {
            "id": "chatcmpl-test",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": body.get("model", "fake"),
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": content},
                    "finish_reason": "stop",
                }
            ],
            "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
        }
        data = json.dumps(reply, ensure_ascii=False).encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


if __name__ == "__main__":
    MODE = sys.argv[2] if len(sys.argv) > 2 else "echo"
    server = ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler)
    print("ready", flush=True)
    server.serve_forever()
