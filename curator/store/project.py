"""A curator project: one SQLite file (`NAME.curator`), WAL mode, foreign keys on.

Every change goes through `apply(edit)`, one transaction per Edit, so a committed
edit is on disk when the call returns and a crash loses at most the edit in flight.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from curator.core.edits import Edit, RowChange, now_iso
from curator.core.model import (
    FACT_TABLE_NAMES,
    JSON_COLUMNS,
)
from curator.core.resources import default_labels
from curator.store import backup as backups
from curator.store.errors import (
    CorruptProject,
    EditConflict,
    NeedsUpgrade,
    ProjectError,
    storage_problem,
)
from curator.store.files import check_file, place_new, timestamp, writable
from curator.store.importer import Importing
from curator.store.reading import PACKAGE_ANNOTATOR, DocumentSummary, Reading, decode_row as _decode  # noqa: F401
from curator.store.lock import LockHeld, LockHolder, ProjectLock, current_holder
from curator.store.restore import PROJECT_ID, Restoring  # meta key: a uuid made at creation (or first writable open)
from curator.store.schema import migrations
from curator.store.search import Searching
from curator.store.stats import Counting

EDITABLE_TABLES = frozenset({"documents", "spans", *FACT_TABLE_NAMES, "rejections", "labels", "meta", "disputes"})
ORIGIN_PROJECT = "origin_project_id"  # meta key of a work package: the project_id it was split from
QUICK_CHECK_BYTES = 64 * 1024 * 1024  # a full quick_check on open costs ~10 ms/MB; larger files get the cheap checks


def _encode(table: str, row: Mapping[str, Any]) -> dict[str, Any]:
    return {
        key: json.dumps(value, ensure_ascii=False) if key in JSON_COLUMNS and value is not None else value
        for key, value in row.items()
    }


class Project(Reading, Importing, Searching, Restoring, Counting):
    def __init__(self, db: Database, path: Path | None, *, read_only: bool, lock: ProjectLock | None,
                 locked_by: LockHolder | None = None) -> None:
        self.db = db
        self.path = path
        self.read_only = read_only
        self.locked_by = locked_by
        self._lock = lock
        self._next_ids: dict[str, int] = {}
        self._daily: backups.DailyBackups | None = None

    # -- opening and closing -------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path, *, create: bool = True, read_only: bool = False) -> Project:
        path = Path(path)
        if not path.exists():
            if not create or read_only:
                raise ProjectError(f"{path}: no such project file")
            cls._create(path)
        check_file(path)
        if read_only:
            holder = current_holder(path)
            if holder is None and writable(path):
                try:
                    return cls._open(path, read_only=True, holder=None)
                except NeedsUpgrade:  # e.g. `curator list` right after an update: upgrade it (with a backup) first
                    cls.open(path, create=False).close()
            return cls._open(path, read_only=True, holder=holder)
        if not writable(path):
            return cls._open(path, read_only=True, holder=None)
        try:
            lock = ProjectLock(path)
        except LockHeld as held:
            return cls._open(path, read_only=True, holder=held.holder)
        except OSError as exc:  # the lock file beside it could not be written (full disk, folder gone)
            raise ProjectError(f"{path}: cannot open it for writing ({exc.strerror or exc}); "
                               "free some space, or open it read-only") from None
        return cls._open(path, read_only=False, holder=None, lock=lock)

    @classmethod
    def _create(cls, path: Path) -> None:
        """Make a new project under a temporary name and put it in place whole: a second process creating
        the same project at once finds either nothing or the finished file (theirs or ours)."""
        staged = path.with_name(f".{path.name}.{uuid.uuid4().hex[:12]}.creating")
        try:
            conn = sqlite3.connect(str(staged))
            try:
                cls(Database(conn, execute_plugins=False), None, read_only=False, lock=None)._prepare()
                conn.execute("PRAGMA journal_mode = WAL")
            finally:
                conn.close()
            place_new(staged, path)
        except (sqlite3.Error, OSError) as exc:
            raise ProjectError(f"{path}: cannot create it: {storage_problem(exc, saving=False)}") from None
        finally:
            for suffix in ("", "-journal", "-wal", "-shm"):
                Path(str(staged) + suffix).unlink(missing_ok=True)

    @classmethod
    def _open(cls, path: Path, *, read_only: bool, holder: LockHolder | None,
              lock: ProjectLock | None = None) -> Project:
        conn = None
        try:
            if read_only:
                conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
            else:
                conn = sqlite3.connect(str(path), check_same_thread=False)
            db = Database(conn, execute_plugins=False)  # no third-party sqlite-utils plugins on our file
            project = cls(db, path, read_only=read_only, lock=lock, locked_by=holder)
            project._prepare(exists=True)
        except ProjectError:
            _close_quietly(conn, lock)
            raise
        except sqlite3.OperationalError as exc:
            _close_quietly(conn, lock)
            if "malformed" in str(exc) or "not a database" in str(exc):
                raise CorruptProject(path, str(exc), backups.newest_backup(path)) from None
            raise ProjectError(f"{path}: cannot open it: {storage_problem(exc, saving=False)}") from None
        except sqlite3.DatabaseError as exc:
            _close_quietly(conn, lock)
            raise CorruptProject(path, str(exc), backups.newest_backup(path)) from None
        except OSError as exc:
            _close_quietly(conn, lock)
            raise ProjectError(f"{path}: cannot open it for writing ({exc.strerror or exc}); "
                               "free some space, or open it read-only") from None
        return project

    @classmethod
    def memory(cls) -> Project:
        project = cls(Database(memory=True, execute_plugins=False), None, read_only=False, lock=None)
        project._prepare()
        return project

    def _prepare(self, *, exists: bool = False) -> None:
        conn = self.db.conn
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = 5000")
        if exists and self.path is not None:
            self._check_integrity()
        if self.read_only:
            if migrations.pending(self.db):
                raise NeedsUpgrade("this project was made by an older curator and must be upgraded; open it writable once")
            return
        fresh = not self.db["documents"].exists()
        if not fresh and self.path is not None and migrations.pending(self.db):
            try:  # before anything is written (WAL mode included): on a full disk this is what fails first
                backups.make_backup(conn, self.path, reason="migration")
            except backups.BackupError as exc:
                raise ProjectError(f"{self.path}: not upgraded: no backup could be made ({exc.reason}); "
                                   "free some space and open it again (nothing was changed)") from None
        if self.path is not None:
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        migrations.apply(self.db)
        if fresh:
            self._install_labels(default_labels())
            self.set_meta("created", now_iso())
        if self.meta(PROJECT_ID) is None:
            self.set_meta(PROJECT_ID, uuid.uuid4().hex)
        if self.path is not None:
            backups.remove_stale_partials(self.path)
            self._daily = backups.DailyBackups(self.path, since=timestamp(self.meta("created")))
            self._daily.poke()

    def _check_integrity(self) -> None:
        """Damage that SQLite would only report later, found now (quick_check on files up to 64 MB)."""
        assert self.path is not None
        size = self.path.stat().st_size
        check = "PRAGMA quick_check(1)" if size <= QUICK_CHECK_BYTES else "SELECT COUNT(*) FROM sqlite_master"
        result = self.db.conn.execute(check).fetchone()[0]
        if size <= QUICK_CHECK_BYTES and result != "ok":
            raise CorruptProject(self.path, str(result), backups.newest_backup(self.path))

    def close(self) -> None:
        if not self.read_only and self.path is not None:
            try:
                self.db.conn.execute("PRAGMA optimize")
            except sqlite3.Error:
                pass  # optimize is a nicety; closing must not fail on a full disk
        if self._daily:
            self._daily.wait()
        self.db.conn.close()
        if self._lock:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _install_labels(self, labels: Iterable[Mapping[str, Any]]) -> None:
        rows = [
            {"name": lab["name"], "title": lab["title"], "color": lab["color"], "hotkey": lab["hotkey"],
             "kind": lab.get("kind", "entity"), "position": i}
            for i, lab in enumerate(labels)
        ]
        with self.db.atomic():
            self.db["labels"].insert_all(rows, pk="name", replace=True)

    # -- edits ---------------------------------------------------------------------------

    def next_id(self, table: str, count: int = 1) -> int:
        """An id for a new row of table, unique in this project (chosen before the edit is built).

        With count, the first of that many consecutive ids, all reserved.
        """
        if table not in self._next_ids:
            row = self.db.conn.execute(f"SELECT COALESCE(MAX(id), 0) FROM [{table}]").fetchone()
            self._next_ids[table] = row[0] + 1
        value = self._next_ids[table]
        self._next_ids[table] = value + max(1, count)
        return value

    def apply(self, edit: Edit) -> frozenset[str]:
        """Commit edit in one transaction; return the tables it changed."""
        if self.read_only:
            raise ProjectError("this project is open read-only; nothing was changed")
        if not edit.changes:
            return frozenset()
        try:
            with self.db.atomic():
                for change in edit.changes:
                    self._apply_change(change)
        except sqlite3.IntegrityError as exc:
            raise EditConflict(f"{edit.label}: the project does not allow this change ({exc})") from None
        except sqlite3.OperationalError as exc:
            self._next_ids.clear()
            raise ProjectError(f"{edit.label}: not saved; {storage_problem(exc)}") from None
        except sqlite3.DatabaseError as exc:
            raise CorruptProject(self.path or Path(":memory:"), str(exc),
                                 backups.newest_backup(self.path) if self.path else None) from None
        if self._daily:
            self._daily.poke()
        return edit.tables

    def _apply_change(self, change: RowChange) -> None:
        table = change.table
        if table not in EDITABLE_TABLES:
            raise ValueError(f"edits cannot change table {table!r}")
        conn = self.db.conn
        if change.before is None:
            row = _encode(table, change.after)
            columns = ", ".join(f"[{c}]" for c in row)
            conn.execute(f"INSERT INTO [{table}] ({columns}) VALUES ({', '.join('?' * len(row))})", list(row.values()))
            return
        self._check_current(table, change.before)
        if change.after is None:
            conn.execute(f"DELETE FROM [{table}] WHERE id = ?", [change.before["id"]])
            return
        row = _encode(table, change.after)
        sets = ", ".join(f"[{c}] = ?" for c in row if c != "id")
        conn.execute(f"UPDATE [{table}] SET {sets} WHERE id = ?", [v for c, v in row.items() if c != "id"] + [row["id"]])

    def _check_current(self, table: str, before: Mapping[str, Any]) -> None:
        columns = list(before)
        found = self.db.conn.execute(
            f"SELECT {', '.join(f'[{c}]' for c in columns)} FROM [{table}] WHERE id = ?", [before["id"]]
        ).fetchone()
        if found is None:
            raise EditConflict(f"{table} row {before['id']} is no longer there")
        current = _decode(dict(zip(columns, found)))
        if current != dict(before):
            raise EditConflict(f"{table} row {before['id']} was changed meanwhile")

    def forget_reserved_ids(self) -> None:
        """Another connection (an import in a worker thread) added rows: ids are counted afresh."""
        self._next_ids.clear()

    def worker_connection(self) -> Project:
        """The same project file on a connection of its own, for one worker thread (SQLite connections
        belong to one thread). No lock of its own: this process holds it. Close it when done."""
        if self.path is None or self.read_only:
            raise ProjectError("only a project file open for writing can be worked on from another thread")
        conn = sqlite3.connect(str(self.path), check_same_thread=False)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = 5000")
        conn.execute("PRAGMA synchronous = NORMAL")
        return Project(Database(conn, execute_plugins=False), self.path, read_only=False, lock=None)


def _close_quietly(conn: sqlite3.Connection | None, lock: ProjectLock | None) -> None:
    if conn is not None:
        conn.close()
    if lock is not None:
        lock.release()
