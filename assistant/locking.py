"""One writer at a time for an embedded Chroma folder, shared by several processes.

Embedded Chroma keeps its vector graph in each process's memory: two
processes writing the same folder overwrite each other's graph files, and a
process that did not write keeps answering from the graph it loaded. So:

* a writer holds an exclusive OS lock on ``<folder>.lock`` (``fcntl.flock``)
  for the whole indexing pass; another writer does not wait, it skips its pass
  (the data will be indexed by the one running, or by the next pass);
* after writing, the writer stamps ``<folder>.generation`` with a new value;
* a reader (or a writer about to write) whose index was opened at another
  generation opens it again, so it sees what the other process wrote.

Readers never take the lock: a question is answered while another process
indexes. With a Chroma server (``WOMS_CHROMA_URL``) the server serialises
writes and none of this is used. Without ``fcntl`` (not a POSIX system) the
lock is a no-op: run a single process there.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]


class StoreLock:
    """The writer lock and the generation stamp of one embedded index folder."""

    def __init__(self, folder: str) -> None:
        """Lock for the Chroma folder ``folder`` (files are created next to it)."""
        base = Path(folder)
        self.lock_path = base.with_name(base.name + ".lock")
        self.generation_path = base.with_name(base.name + ".generation")

    @contextmanager
    def writing(self, wait: bool = False) -> Iterator[bool]:
        """Hold the writer lock for the duration of the block.

        Args:
            wait: wait for the lock; by default give up at once when it is held.

        Yields:
            ``True`` when this process (thread) is the writer, ``False`` when
            another one is: the block must then not write.
        """
        self.lock_path.parent.mkdir(parents=True, exist_ok=True)
        # A new open file description per call: flock then also excludes other
        # threads of this process.
        handle = open(self.lock_path, "a+b")  # noqa: SIM115 - closed below
        try:
            if fcntl is None:
                yield True
                return
            flags = fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB)
            try:
                fcntl.flock(handle.fileno(), flags)
            except BlockingIOError:
                yield False
                return
            try:
                yield True
            finally:
                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
        finally:
            handle.close()

    def generation(self) -> str:
        """The current generation stamp (empty before the first write)."""
        try:
            return self.generation_path.read_text(encoding="ascii").strip()
        except (FileNotFoundError, UnicodeDecodeError):
            return ""

    def bump(self) -> str:
        """Stamp a new generation after a write (atomic replace); returns it."""
        stamp = uuid.uuid4().hex
        self.generation_path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.generation_path.with_name(
            f"{self.generation_path.name}.{os.getpid()}.{stamp[:8]}"
        )
        temporary.write_text(stamp, encoding="ascii")
        os.replace(temporary, self.generation_path)
        return stamp
