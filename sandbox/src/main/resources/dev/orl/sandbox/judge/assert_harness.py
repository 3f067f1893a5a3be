# orl sandbox: trusted harness for assert-style tests (HumanEval check(candidate), MBPP assert lists).
#
# Why the verdict cannot be forged by the program under test, even one that knows this source:
#  1. The harness makes itself non-dumpable (PR_SET_DUMPABLE 0) before it reads anything secret. The candidate runs
#     in a separate child process under the same uid but without capabilities, so it can neither ptrace the harness
#     nor open /proc/<harness>/{mem,fd,environ}: it cannot read the nonce or the test code, nor write to the
#     harness's stdout.
#  2. The nonce, the test code and the trusted prelude arrive on the harness's stdin, which is consumed to EOF
#     before the child exists. Expected values therefore never exist anywhere the child can read.
#  3. The child is spawned with fork+exec of a fresh interpreter (no copy of the harness memory survives exec) and
#     close_fds, with stdin/stdout replaced by private pipes; its own output goes to the harness's stderr, which
#     the server never parses for verdicts.
#  4. Values cross the process boundary only as text parsed by ast.literal_eval into plain builtins (after a
#     tagged encoding), so an object whose __eq__ always returns True cannot reach the asserts: the asserts compare
#     genuine ints, strs, lists... built by the harness.
#  5. The server accepts only "<nonce> PASS" printed by the harness after every assert ran. A child that exits
#     early (os._exit(0)), kills the harness, or crashes produces no such line, which is a failure.
import ast
import ctypes
import json
import os
import struct
import subprocess
import sys

PR_SET_DUMPABLE = 4
MAX_FRAME = 64 << 20

CODEC = r'''
def enc(x, depth=0):
    if depth > 200:
        raise ValueError("value nested too deeply")
    if x is None or type(x) is bool:
        return ("v", x)
    if isinstance(x, bool):
        return ("v", bool(x))
    if isinstance(x, int):
        return ("i", int(x))
    if isinstance(x, float):
        return ("f", float(x).hex())
    if isinstance(x, complex):
        return ("c", float(x.real).hex(), float(x.imag).hex())
    if isinstance(x, str):
        return ("s", str(x))
    if isinstance(x, (bytes, bytearray)):
        return ("y", bytes(x))
    if isinstance(x, list):
        return ("l", [enc(e, depth + 1) for e in x])
    if isinstance(x, tuple):
        return ("t", [enc(e, depth + 1) for e in x])
    if isinstance(x, dict):
        return ("d", [(enc(k, depth + 1), enc(v, depth + 1)) for k, v in x.items()])
    if isinstance(x, (set, frozenset)):
        return ("S" if isinstance(x, set) else "F", [enc(e, depth + 1) for e in x])
    if hasattr(x, "tolist") and callable(x.tolist):  # numpy scalars and arrays
        return enc(x.tolist(), depth + 1)
    raise TypeError("cannot pass a value of type %s across the sandbox boundary" % type(x).__name__)

def dec(t):
    tag = t[0]
    if tag == "v": return t[1]
    if tag == "i": return int(t[1])
    if tag == "f": return float.fromhex(t[1])
    if tag == "c": return complex(float.fromhex(t[1]), float.fromhex(t[2]))
    if tag in ("s", "y"): return t[1]
    if tag == "l": return [dec(e) for e in t[1]]
    if tag == "t": return tuple(dec(e) for e in t[1])
    if tag == "d": return {dec(k): dec(v) for k, v in t[1]}
    if tag == "S": return {dec(e) for e in t[1]}
    if tag == "F": return frozenset(dec(e) for e in t[1])
    raise ValueError("bad tag")

'''

CHILD_MAIN = r'''
import ast, os, struct, sys
proto_in = os.fdopen(os.dup(0), "rb", buffering=0)
proto_out = os.fdopen(os.dup(1), "wb", buffering=0)
null = os.open(os.devnull, os.O_RDONLY)
os.dup2(null, 0)
os.dup2(2, 1)
sys.stdin = open(os.devnull)
sys.stdout = sys.stderr

def read_exact(n):
    b = b""
    while len(b) < n:
        c = proto_in.read(n - len(b))
        if not c:
            raise SystemExit(0)
        b += c
    return b

def send(obj):
    data = repr(obj).encode()
    proto_out.write(struct.pack(">I", len(data)) + data)

sys.setrecursionlimit(10000)
module = {"__name__": "solution", "__builtins__": __builtins__}
try:
    with open(sys.argv[1]) as f:
        src = f.read()
    exec(compile(src, "solution.py", "exec"), module)
    send(("ready",))
except BaseException as e:
    send(("load_error", "%s: %s" % (type(e).__name__, e)))
    raise SystemExit(1)
while True:
    n = struct.unpack(">I", read_exact(4))[0]
    name, args, kwargs = ast.literal_eval(read_exact(n).decode())
    try:
        fn = module.get(name)
        if not callable(fn):
            raise NameError("the program defines no function %r" % name)
        result = fn(*dec(args), **dec(kwargs))
        send(("ok", enc(result)))
    except SystemExit:
        raise
    except BaseException as e:
        send(("err", "%s: %s" % (type(e).__name__, str(e)[:500])))
'''

# Values cross as tagged tuples of plain literals; both sides use the same codec.
CHILD = CODEC + CHILD_MAIN
exec(CODEC)


def candidate_error(msg):
    return RuntimeError("candidate failed: " + msg)


class Candidate:
    """The program under test, running in a separate, untrusted child process."""

    def __init__(self, source_path):
        self.proc = subprocess.Popen(
            # The candidate starts like the harness: without the site module when the server was told so.
            [sys.executable, "-I", "-B"] + (["-S"] if sys.flags.no_site else []) + ["-c", CHILD, source_path],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=2, close_fds=True, env={})
        first = self.receive()
        if first[0] != "ready":
            raise candidate_error(first[1] if len(first) > 1 else "did not start")

    def receive(self):
        header = self.proc.stdout.read(4)
        if len(header) < 4:
            code = self.proc.wait()
            raise candidate_error("process exited (status %s) before answering" % code)
        n = struct.unpack(">I", header)[0]
        if n > MAX_FRAME:
            raise candidate_error("answer larger than %d bytes" % MAX_FRAME)
        data = self.proc.stdout.read(n)
        if len(data) < n:
            raise candidate_error("process exited mid-answer")
        msg = ast.literal_eval(data.decode("utf-8"))
        if not isinstance(msg, tuple) or not msg or not isinstance(msg[0], str):
            raise candidate_error("malformed answer")
        return msg

    def call(self, name, args, kwargs):
        data = repr((name, enc(list(args)), enc(kwargs))).encode()
        try:
            self.proc.stdin.write(struct.pack(">I", len(data)) + data)
            self.proc.stdin.flush()
        except BrokenPipeError:
            raise candidate_error("process is gone")
        msg = self.receive()
        if msg[0] == "ok":
            return dec(msg[1])
        if msg[0] == "err":
            raise candidate_error(str(msg[1]))
        raise candidate_error("malformed answer")

    def function(self, name):
        def proxy(*args, **kwargs):
            return self.call(name, args, kwargs)
        proxy.__name__ = name
        return proxy


def referenced_names(code):
    names = set(code.co_names)
    for const in code.co_consts:
        if hasattr(const, "co_names"):
            names |= referenced_names(const)
    return names


def report(nonce, word, detail=""):
    out = sys.__stdout__
    out.write("%s %s %s\n" % (nonce, word, json.dumps(detail)))
    out.flush()


def main():
    # Non-dumpable first: from here on the child cannot read this process's memory or file descriptors.
    if ctypes.CDLL(None, use_errno=True).prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0:
        # Fail closed: without this protection the verdict could be forged, so there is no verdict at all.
        sys.stderr.write("harness: prctl(PR_SET_DUMPABLE) failed, errno %d\n" % ctypes.get_errno())
        raise SystemExit(70)
    payload = json.loads(sys.stdin.buffer.read().decode("utf-8"))
    sys.stdin.close()
    os.close(0)
    nonce = payload["nonce"]
    # Candidate output and harness debugging both go to stderr; stdout carries only nonce-stamped verdicts.
    sys.stdout = sys.stderr
    sys.setrecursionlimit(10000)
    namespace = {"__name__": "__main__"}
    try:
        if payload.get("prelude"):
            exec(compile(payload["prelude"], "prelude.py", "exec"), namespace)
        test = compile(payload["test"], "test.py", "exec")
        # The program sits next to this file (at /code in the sandbox, in the job dir without namespaces).
        cand = Candidate(os.path.join(os.path.dirname(os.path.abspath(__file__)), payload["source"]))
        entry = payload.get("entry_point")
        if entry:
            namespace[entry] = cand.function(entry)
            namespace["candidate"] = namespace[entry]
        builtin_names = set(dir(__builtins__))
        for name in referenced_names(test):
            if name not in namespace and name not in builtin_names:
                namespace[name] = cand.function(name)
    except RuntimeError as e:
        report(nonce, "ERROR", str(e))
        return
    except BaseException as e:
        report(nonce, "HARNESS_ERROR", "%s: %s" % (type(e).__name__, e))
        return
    try:
        exec(test, namespace)
    except AssertionError as e:
        report(nonce, "FAIL", "assertion failed" + (": " + str(e)[:500] if str(e) else ""))
        return
    except BaseException as e:
        report(nonce, "ERROR", "%s: %s" % (type(e).__name__, str(e)[:500]))
        return
    report(nonce, "PASS")


main()
