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
#  5. The server accepts only "<nonce> <test index> PASS" printed by the harness after every assert of that test
#     ran. A child that exits early (os._exit(0)), kills the harness, or crashes produces no such line, which is a
#     failure.
#
# Several tests may share one harness run (the request's tests_share_process): one interpreter pair instead of one
# per test, as in HumanEval's check(). Each test then gets a fresh copy of the prelude's namespace, the per-test CPU
# and wall limits are enforced here by watching the child (a child over its limit is killed and the next test starts
# a fresh one), and a child that dies is replaced before the next test. What the tests still share is the state the
# program keeps in its own globals while its process lives.
import ast
import ctypes
import json
import os
import select
import struct
import subprocess
import sys
import time

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


class TestLimit(Exception):
    """The test in flight used up its CPU ("cpu") or wall ("wall") time."""


class Budget:
    """One test's CPU and wall limits in a shared run, checked against the child it is using; None: not enforced here
    (the run's own limits decide, as when every test has a run of its own)."""

    TICK = os.sysconf("SC_CLK_TCK")

    def __init__(self, cpu_s, wall_s):
        self.cpu_s = cpu_s
        self.wall_s = wall_s
        self.start_wall = time.monotonic()
        self.pid = None
        self.cpu_at_watch = 0.0
        self.cpu = 0.0

    def limited(self):
        return self.cpu_s is not None or self.wall_s is not None

    @staticmethod
    def cpu_of(pid):
        try:
            with open("/proc/%d/stat" % pid) as f:
                fields = f.read().rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / Budget.TICK
        except (OSError, IndexError, ValueError):
            return None

    def watch(self, pid):
        """Charges this test with the CPU that pid uses from now on."""
        if pid != self.pid:
            self.cpu += self.refresh()
            self.pid = pid
            self.cpu_at_watch = Budget.cpu_of(pid) or 0.0

    def refresh(self):
        """CPU the watched child has used since watch(); 0 once it is gone."""
        now = Budget.cpu_of(self.pid) if self.pid is not None else None
        return 0.0 if now is None else now - self.cpu_at_watch

    def release(self):
        """Keeps what the watched child used before it is killed and reaped."""
        self.cpu += self.refresh()
        self.pid = None

    def used(self):
        return self.cpu + self.refresh()

    def check(self):
        if self.wall_s is not None and time.monotonic() - self.start_wall > self.wall_s:
            raise TestLimit("wall")
        if self.cpu_s is not None and self.used() > self.cpu_s:
            raise TestLimit("cpu")


class Candidate:
    """The program under test, running in a separate, untrusted child process."""

    def __init__(self, source_path, budget):
        self.proc = subprocess.Popen(
            # The candidate starts like the harness: without the site module when the server was told so.
            [sys.executable, "-I", "-B"] + (["-S"] if sys.flags.no_site else []) + ["-c", CHILD, source_path],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=2, close_fds=True, env={}, bufsize=0)
        self.budget = None
        self.use(budget)
        try:
            first = self.receive()
        except BaseException:
            self.kill()
            raise
        if first[0] != "ready":
            self.kill()
            raise candidate_error(first[1] if len(first) > 1 else "did not start")

    def use(self, budget):
        """Charges what this child does from now on to budget (the test in flight)."""
        self.budget = budget
        budget.watch(self.proc.pid)

    def read(self, n):
        """n bytes from the child, or fewer if it closed its end; raises TestLimit when the budget runs out."""
        fd = self.proc.stdout.fileno()
        data = b""
        while len(data) < n:
            if self.budget.limited():
                while not select.select([fd], [], [], 0.02)[0]:
                    self.budget.check()
            chunk = os.read(fd, n - len(data))
            if not chunk:
                break
            data += chunk
        return data

    def receive(self):
        header = self.read(4)
        if len(header) < 4:
            # a child that closed its end may still be running: it too must stop within the test's budget
            while self.budget.limited() and self.proc.poll() is None:
                self.budget.check()
                time.sleep(0.02)
            code = self.proc.wait()
            raise candidate_error("process exited (status %s) before answering" % code)
        n = struct.unpack(">I", header)[0]
        if n > MAX_FRAME:
            raise candidate_error("answer larger than %d bytes" % MAX_FRAME)
        data = self.read(n)
        if len(data) < n:
            raise candidate_error("process exited mid-answer")
        msg = ast.literal_eval(data.decode("utf-8"))
        if not isinstance(msg, tuple) or not msg or not isinstance(msg[0], str):
            raise candidate_error("malformed answer")
        return msg

    def call(self, name, args, kwargs):
        data = repr((name, enc(list(args)), enc(kwargs))).encode()
        frame = memoryview(struct.pack(">I", len(data)) + data)
        try:
            while frame:
                frame = frame[self.proc.stdin.write(frame):]
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

    def alive(self):
        return self.proc.poll() is None

    def kill(self):
        self.budget.release()
        self.proc.kill()
        self.proc.wait()


def referenced_names(code):
    names = set(code.co_names)
    for const in code.co_consts:
        if hasattr(const, "co_names"):
            names |= referenced_names(const)
    return names


def report(nonce, index, word, detail="", cpu_s=0.0, wall_s=0.0):
    out = sys.__stdout__
    out.write("%s %d %s %s\n" % (nonce, index, word,
                                  json.dumps({"detail": detail, "cpu_s": cpu_s, "wall_s": wall_s})))
    out.flush()


def bind(namespace, cand, entry, test):
    """Points the entry point and every other free name of the test at the child's functions."""
    if entry:
        namespace[entry] = cand.function(entry)
        namespace["candidate"] = namespace[entry]
    builtin_names = set(dir(__builtins__))
    for name in referenced_names(test):
        if name not in namespace and name not in builtin_names:
            namespace[name] = cand.function(name)


def fresh_namespace(prelude):
    namespace = {"__name__": "__main__"}
    if prelude is not None:
        exec(prelude, namespace)
    return namespace


def run_test(test, prelude, source, entry, budget, cand):
    """Runs one test; returns (word, detail, candidate to reuse or None)."""
    try:
        if cand is None:
            cand = Candidate(source, budget)
        cand.use(budget)
        # each test gets its own run of the prelude, so its functions see this test's bindings and nothing of the last
        namespace = fresh_namespace(prelude)
        bind(namespace, cand, entry, test)
        exec(test, namespace)
        return "PASS", "", cand
    except TestLimit as e:
        if cand is not None:
            cand.kill()
        return "TIMEOUT", str(e), None
    except AssertionError as e:
        return "FAIL", "assertion failed" + (": " + str(e)[:500] if str(e) else ""), cand
    except RuntimeError as e:
        return "ERROR", str(e), cand
    except BaseException as e:
        return "ERROR", "%s: %s" % (type(e).__name__, str(e)[:500]), cand


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
    tests = payload["tests"]
    # Candidate output and harness debugging both go to stderr; stdout carries only nonce-stamped verdicts.
    sys.stdout = sys.stderr
    sys.setrecursionlimit(10000)
    try:
        prelude = compile(payload["prelude"], "prelude.py", "exec") if payload.get("prelude") else None
        fresh_namespace(prelude)
        compiled = [compile(t, "test.py", "exec") for t in tests]
    except BaseException as e:
        for i in range(len(tests)):
            report(nonce, i, "HARNESS_ERROR", "%s: %s" % (type(e).__name__, e))
        return
    # The program sits next to this file (at /code in the sandbox, in the job dir without namespaces).
    source = os.path.join(os.path.dirname(os.path.abspath(__file__)), payload["source"])
    entry = payload.get("entry_point")
    cand = None
    for i, test in enumerate(compiled):
        budget = Budget(payload.get("test_cpu_s"), payload.get("test_wall_s"))
        if cand is not None and not cand.alive():
            cand = None
        word, detail, cand = run_test(test, prelude, source, entry, budget, cand)
        report(nonce, i, word, detail, round(budget.used(), 3), round(time.monotonic() - budget.start_wall, 3))
        if word != "PASS" and payload.get("stop_on_first_failure"):
            break


main()
