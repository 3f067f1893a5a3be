/*
 * orl-launch: the privileged first step of every sandboxed run, in one exec instead of three (sh, setpriv and the
 * JDK's spawn helper each cost about a millisecond of CPU per run). Started by the server (root) with an empty
 * environment; in this order it
 *   1. joins the slot's cgroups (--cgroup FILE, repeatable), so every later process is capped and accounted;
 *   2. sets resource limits (--rlimit NAME=SOFT:HARD, NAME in cpu fsize nofile as nproc);
 *   3. enters the slot's persistent network namespace (--netns FILE; it holds only loopback), which needs
 *      CAP_SYS_ADMIN and so must happen before the uid switch;
 *   4. drops every capability from the bounding and ambient sets, becomes --uid/--gid (required, never 0) with no
 *      supplementary groups, clears the inheritable set, sets no_new_privs, and checks that root cannot be regained;
 *   5. execs the rest of its arguments (bwrap) with an empty environment.
 * Any failure exits with status 125 before the program runs: a limit that cannot be set never runs unlimited.
 * With --failure-file PATH (first option; a root-only path the program cannot reach) the reason is also written
 * there, so the server can tell its own failure from a program that exits 125.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <linux/capability.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#define LAUNCH_FAILED 125

/* Opened (close-on-exec) before the uid switch, so failures after it are reported too. */
static int failure_fd = -1;

static void die(const char *what, const char *arg) {
  char msg[512];
  int n = snprintf(msg, sizeof msg, "orl-launch: %s %s: %s\n", what, arg ? arg : "", strerror(errno));
  fputs(msg, stderr);
  if (failure_fd >= 0 && n > 0) {
    (void) !write(failure_fd, msg, (size_t) n < sizeof msg ? (size_t) n : sizeof msg - 1);
  }
  _exit(LAUNCH_FAILED);
}

/* A decimal number up to the next ':' or the end; signs and blanks are refused (strtoull would wrap "-5"). */
static unsigned long long number(const char *s, const char *whole) {
  char *end;
  errno = 0;
  unsigned long long v = strtoull(s, &end, 10);
  if (errno || end == s || *s < '0' || *s > '9' || (*end != '\0' && *end != ':')) {
    errno = EINVAL;
    die("bad number in", whole);
  }
  return v;
}

static void join_cgroup(const char *procs) {
  char pid[32];
  int n = snprintf(pid, sizeof pid, "%d\n", (int) getpid());
  int fd = open(procs, O_WRONLY | O_CLOEXEC);
  if (fd < 0 || write(fd, pid, n) != n || close(fd) != 0) {
    die("cannot join cgroup", procs);
  }
}

static void set_rlimit(const char *spec) {
  static const struct { const char *name; int resource; } names[] = {
      {"cpu", RLIMIT_CPU}, {"fsize", RLIMIT_FSIZE}, {"nofile", RLIMIT_NOFILE}, {"as", RLIMIT_AS},
      {"nproc", RLIMIT_NPROC}};
  const char *eq = strchr(spec, '=');
  const char *colon = eq ? strchr(eq, ':') : NULL;
  if (!eq || !colon) {
    errno = EINVAL;
    die("bad --rlimit", spec);
  }
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
    if (strlen(names[i].name) == (size_t) (eq - spec) && strncmp(spec, names[i].name, eq - spec) == 0) {
      struct rlimit rl = {number(eq + 1, spec), number(colon + 1, spec)};
      if (setrlimit(names[i].resource, &rl) != 0) {
        die("cannot set rlimit", spec);
      }
      return;
    }
  }
  errno = EINVAL;
  die("unknown rlimit", spec);
}

static void enter_netns(const char *path) {
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0 || setns(fd, CLONE_NEWNET) != 0) {
    die("cannot enter network namespace", path);
  }
  close(fd);
}

static void become(uid_t uid, gid_t gid) {
  for (int cap = 0; cap < 64; cap++) {
    if (prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0 && errno != EINVAL) {
      die("cannot drop capability from the bounding set", NULL);
    }
  }
  if (prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0) != 0 && errno != EINVAL) {
    die("cannot clear ambient capabilities", NULL);
  }
  if (setgroups(0, NULL) != 0 || setresgid(gid, gid, gid) != 0 || setresuid(uid, uid, uid) != 0) {
    die("cannot switch to the slot's uid", NULL);
  }
  struct __user_cap_header_struct header = {_LINUX_CAPABILITY_VERSION_3, 0};
  struct __user_cap_data_struct data[2];
  memset(data, 0, sizeof data);
  if (syscall(SYS_capset, &header, data) != 0) {
    die("cannot clear capabilities", NULL);
  }
  if (setuid(0) == 0 || getuid() != uid || geteuid() != uid || getgid() != gid || getegid() != gid) {
    errno = EPERM;
    die("uid switch did not stick", NULL);
  }
}

static long id(const char *s, const char *opt) {
  unsigned long long v = number(s, opt);
  if (v == 0 || v >= 0xFFFFFFFFULL) {  /* never root, never the kernel's "no id" */
    errno = EINVAL;
    die("bad id for", opt);
  }
  return (long) v;
}

int main(int argc, char **argv) {
  long uid = -1, gid = -1;
  int i = 1;
  for (; i < argc && strcmp(argv[i], "--") != 0; i += 2) {
    if (i + 1 >= argc) {
      errno = EINVAL;
      die("missing value for", argv[i]);
    }
    const char *opt = argv[i], *val = argv[i + 1];
    if (strcmp(opt, "--failure-file") == 0) {
      failure_fd = open(val, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600);
      if (failure_fd < 0) {
        die("cannot open failure file", val);
      }
    } else if (strcmp(opt, "--cgroup") == 0) {
      join_cgroup(val);
    } else if (strcmp(opt, "--rlimit") == 0) {
      set_rlimit(val);
    } else if (strcmp(opt, "--netns") == 0) {
      enter_netns(val);
    } else if (strcmp(opt, "--uid") == 0) {
      uid = id(val, opt);
    } else if (strcmp(opt, "--gid") == 0) {
      gid = id(val, opt);
    } else {
      errno = EINVAL;
      die("unknown option", opt);
    }
  }
  if (i + 1 >= argc) {
    errno = EINVAL;
    die("no command after --", NULL);
  }
  if (uid < 0) {
    errno = EINVAL;
    die("--uid is required: a program never runs as root", NULL);
  }
  become((uid_t) uid, (gid_t) (gid >= 0 ? gid : uid));
  if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) {
    die("cannot set no_new_privs", NULL);
  }
  char *empty[] = {NULL};
  execve(argv[i + 1], argv + i + 1, empty);
  die("cannot exec", argv[i + 1]);
  return LAUNCH_FAILED;
}
