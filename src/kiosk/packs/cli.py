"""``kiosk pack ...``: the staff commands for content packs, as argparse wiring.

``kiosk.cli`` adds them with ``add_pack_commands`` and runs them with ``run_pack_command``;
``python -m kiosk.packs.cli pack ...`` runs them on their own (the crash tests do).
Exit codes: 0 done, 1 refused (invalid pack or content, bad signature, nothing to roll back
to), 2 usage or environment (a missing file, a key that exists, an unwritable folder).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kiosk.content.issues import Issue
from kiosk.packs.errors import (
    EXIT_OK,
    EXIT_USAGE,
    InvalidContentError,
    PackError,
    UsageError,
)

PROG = "kiosk pack"


def add_pack_commands(subparsers: Any) -> None:
    """Add ``pack`` and its subcommands to the top-level ``add_subparsers()`` object."""
    pack = subparsers.add_parser(
        "pack",
        help="build, sign, check, install and roll back content packs",
        description="Content packs: one file carrying a content folder between machines.",
    )
    commands = pack.add_subparsers(dest="pack_command", metavar="SUBCOMMAND")

    build = commands.add_parser("build", help="pack a content folder into one file")
    build.add_argument("folder", type=Path, metavar="DIR", help="the content folder")
    build.add_argument("-o", "--out", type=Path, required=True, metavar="FILE")

    keygen = commands.add_parser("keygen", help="make a signing key pair")
    keygen.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar="PREFIX",
        help="writes PREFIX.key (private, keep it off the kiosks) and PREFIX.pub",
    )

    sign = commands.add_parser("sign", help="sign a pack with a private key")
    sign.add_argument("pack", type=Path, metavar="FILE")
    sign.add_argument("--key", type=Path, required=True, metavar="KEY")

    verify = commands.add_parser("verify", help="check a pack's safety, hashes and signature")
    verify.add_argument("pack", type=Path, metavar="FILE")
    _add_trust_option(verify, "check against this public key instead of the station's")

    install = commands.add_parser("install", help="install a pack and make it active")
    install.add_argument("pack", type=Path, metavar="FILE")
    _add_trust_option(install, "also trust this public key (with the station's own)")
    install.add_argument(
        "--allow-older",
        action="store_true",
        help="install a pack made before the active one (a deliberate return; "
        "'kiosk pack rollback' is the usual way back)",
    )

    trust = commands.add_parser(
        "trust",
        help="trust a signing key on this station, list or remove trusted keys",
        description="Keys kept in the data folder's trusted-keys/. Bring the .pub file "
        "separately from the packs: a key on the same stick as a pack proves nothing.",
    )
    trust.add_argument("key", type=Path, nargs="?", metavar="KEY.pub")
    trust.add_argument("--list", action="store_true", help="the keys this station trusts")
    trust.add_argument("--remove", metavar="FINGERPRINT", help="stop trusting this key")

    commands.add_parser("list", help="the installed versions, newest first")

    rollback = commands.add_parser(
        "rollback", help="switch back to the version installed before the active one"
    )
    rollback.add_argument(
        "--to",
        metavar="ID",
        default=None,
        help="a version id from 'kiosk pack list', or 'factory' for the bundled content",
    )
    pack.set_defaults(pack_parser=pack)


def _add_trust_option(command: argparse.ArgumentParser, text: str) -> None:
    command.add_argument(
        "--trust",
        type=Path,
        action="append",
        default=[],
        metavar="PUBKEY",
        help=text + " (repeatable)",
    )


def run_pack_command(args: argparse.Namespace) -> int:
    """Run the parsed ``pack`` subcommand; expected failures print one message, no traceback."""
    handler = _HANDLERS.get(args.pack_command or "")
    if handler is None:
        args.pack_parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return handler(args)
    except InvalidContentError as error:
        _print_issues(error.issues)
        outcome = "no pack was built" if args.pack_command == "build" else "nothing was changed"
        _fail(f"{error}; {outcome}")
        return error.exit_code
    except PackError as error:
        _fail(str(error))
        return error.exit_code
    except OSError as error:
        _fail(str(error))
        return EXIT_USAGE


def main(argv: list[str] | None = None) -> int:
    """The pack commands on their own: ``python -m kiosk.packs.cli pack install FILE``."""
    parser = argparse.ArgumentParser(prog="kiosk")
    add_pack_commands(parser.add_subparsers(dest="command", metavar="COMMAND"))
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_request:
        return int(exit_request.code or 0)
    if args.command != "pack":
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    return run_pack_command(args)


def _build(args: argparse.Namespace) -> int:
    from kiosk.packs.build import build_pack  # noqa: PLC0415 - each command imports its own

    built = build_pack(args.folder, args.out)
    _print_issues(built.warnings)
    print(
        f"{PROG}: built {args.out}: {len(built.manifest.files)} files, "
        f"content schema {built.manifest.schema_version}, unsigned "
        f"(sign it with '{PROG} sign {args.out} --key KEY')"
    )
    return EXIT_OK


def _keygen(args: argparse.Namespace) -> int:
    from kiosk.packs.keys import generate_keypair  # noqa: PLC0415

    private, public, fingerprint = generate_keypair(args.out)
    print(f"{PROG}: wrote {private} (private: keep it secret, never copy it to a kiosk)")
    print(f"{PROG}: wrote {public} (public, fingerprint {fingerprint}: kiosks trust this)")
    return EXIT_OK


def _sign(args: argparse.Namespace) -> int:
    from kiosk.packs.keys import load_private_key  # noqa: PLC0415
    from kiosk.packs.signing import sign_pack  # noqa: PLC0415

    fingerprint = sign_pack(args.pack, load_private_key(args.key))
    print(f"{PROG}: signed {args.pack} with key {fingerprint}")
    return EXIT_OK


def _verify(args: argparse.Namespace) -> int:
    from kiosk.packs.verify import verify_keys, verify_pack  # noqa: PLC0415

    keys = verify_keys(args.trust)  # a bad key file is the caller's problem, not the pack's
    try:
        verified = verify_pack(args.pack, keys)
    except PackError as error:
        if error.exit_code == EXIT_USAGE:
            raise
        if isinstance(error, InvalidContentError):
            _print_issues(error.issues)
        print(f"{args.pack}: INVALID: {error}")
        return error.exit_code
    _print_issues(verified.warnings)
    print(f"{args.pack}: valid: {verified.describe()}")
    _note_if_older(verified.manifest, verified.version)
    return EXIT_OK


def _note_if_older(manifest: Any, version: str) -> None:
    """Valid, but this station would refuse it as older: said, so staff are not surprised."""
    from kiosk.packs.replay import OlderPackError, check_not_older  # noqa: PLC0415
    from kiosk.packs.store import ContentStore  # noqa: PLC0415

    try:
        check_not_older(ContentStore.default(), manifest, version)
    except OlderPackError as error:
        print(f"note: installing it here needs --allow-older: {error}")


def _install(args: argparse.Namespace) -> int:
    from kiosk.packs.install import install_pack  # noqa: PLC0415

    installed = install_pack(args.pack, args.trust, allow_older=args.allow_older)
    _print_issues(installed.warnings)
    how = "was installed already (checked again)" if installed.reused else "installed"
    print(
        f"{PROG}: {installed.version} {how}: {installed.file_count} files, "
        f"{installed.signature.describe()}; now active "
        f"(was {installed.previous or 'the factory default'})"
    )
    if installed.pruned:
        print(f"{PROG}: removed old versions: {', '.join(installed.pruned)}")
    return EXIT_OK


def _trust(args: argparse.Namespace) -> int:
    from kiosk.packs import trust  # noqa: PLC0415
    from kiosk.station import load_station_config  # noqa: PLC0415

    chosen = [args.key is not None, args.list, args.remove is not None]
    if sum(chosen) != 1:
        raise UsageError("give one of: KEY.pub, --list, --remove FINGERPRINT")
    config = load_station_config()[0]
    if args.key is not None:
        fingerprint, where, new = trust.add_key(args.key)
        how = "now trusted" if new else "was trusted already"
        print(f"{PROG}: key {fingerprint} {how} ({where})")
        print(f"{PROG}: check this fingerprint against the one its owner gave you")
    elif args.remove is not None:
        removed = trust.remove_key(args.remove, config.trusted_keys)
        print(f"{PROG}: key {args.remove} is no longer trusted (removed {removed})")
    else:
        keys = trust.list_keys(config.trusted_keys)
        for key in keys:
            origin = "station configuration" if key.configured else "trusted-keys"
            name = key.fingerprint or "UNREADABLE"
            note = f": {key.problem}" if key.problem else ""
            print(f"{name}  {key.path}  ({origin}){note}")
        if config.trust_problems:
            # Trust fails closed: say so rather than "accepted" while install would refuse.
            print("the station's trust cannot be read with certainty: every pack is refused")
            for problem in config.trust_problems:
                print(f"  {problem}")
        elif not keys:
            print("no trusted keys: unsigned packs are accepted")
    for problem in config.trust_problems:
        print(f"{problem} (signatures are required until this is fixed)", file=sys.stderr)
    return EXIT_OK


def _list(_args: argparse.Namespace) -> int:
    from kiosk.packs.integrity import (  # noqa: PLC0415
        IntegrityChecker,
        resolve_intact,
        signature_problem,
    )
    from kiosk.packs.keys import PublicKey, station_keys  # noqa: PLC0415
    from kiosk.packs.store import FACTORY, ContentStore  # noqa: PLC0415

    keys: list[PublicKey] = []
    try:
        keys = station_keys()
    except PackError as error:  # listing still works; the problem is named
        print(f"note: {error}", file=sys.stderr)
    store = ContentStore.default()
    active = store.active_id()
    showing = resolve_intact(store.root).version
    checker = IntegrityChecker()
    print(f"content store: {store.root}")
    for version in store.versions():
        mark = "*" if version.id == active else " "
        signed = (
            f"signed by key {version.signer}"
            if version.signer
            else ("signed, not checked" if version.signed else "unsigned")
        )
        title = _title(store.content_dir(version.id))
        names = (f'  "{title}"' if title else "") + (
            f"  from {version.source}" if version.source else ""
        )
        state = []
        if version.id == active:
            state.append("active")
        if version.id == showing:
            state.append("showing")
        problem = checker.problem(store.root, version.id) or signature_problem(
            store.root, version.id, version.signer, keys
        )
        if problem is not None and version.id == active:
            state.append("NOT SHOWN")
        print(
            f"{mark} {version.id}{names}  made {version.created or '?'}  "
            f"installed {version.installed or '?'}  "
            f"schema {version.schema_version or '?'}  {signed}"
            + (f"  ({', '.join(state)})" if state else "")
        )
        if problem is not None:
            shown = "reinstall it" if version.id == showing else "it is not shown"
            print(f"    ALTERED since it was installed: {problem}; {shown}")
    mark = "*" if active is None else " "
    if active is None:
        state_text = "  (active, showing)"
    elif showing is None:
        state_text = "  (showing: no intact installed version)"
    else:
        state_text = ""
    print(f"{mark} factory default (bundled){state_text}")
    pointer = store.pointer_text()
    if active is None and pointer not in (None, FACTORY):
        print(f"note: the active pointer ({store.pointer}) is damaged; the factory default shows")
    return EXIT_OK


def _title(folder: Path) -> str | None:
    """The exhibit's title in its default language, for people; None if it does not load."""
    from kiosk.content.issues import ContentError  # noqa: PLC0415
    from kiosk.content.loader import load_exhibit  # noqa: PLC0415

    try:
        settings = load_exhibit(folder).settings
    except (ContentError, OSError):
        return None
    title = settings.title.text(settings.default_language, settings.default_language)
    return title if len(title) <= 60 else title[:59].rstrip() + "…"


def _rollback(args: argparse.Namespace) -> int:
    from kiosk.packs.rollback import rollback  # noqa: PLC0415
    from kiosk.packs.store import FACTORY, ContentStore  # noqa: PLC0415

    switched = rollback(ContentStore.default(), args.to)
    before = switched.previous or "the factory default"
    now = "the factory default (bundled)" if switched.active == FACTORY else switched.active
    print(f"{PROG}: {now} is now active (was {before})")
    return EXIT_OK


_HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "build": _build,
    "keygen": _keygen,
    "sign": _sign,
    "verify": _verify,
    "install": _install,
    "list": _list,
    "trust": _trust,
    "rollback": _rollback,
}


def _print_issues(issues: list[Issue]) -> None:
    for issue in issues:
        print(issue, file=sys.stderr)


def _fail(message: str) -> None:
    print(f"{PROG}: {message}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
