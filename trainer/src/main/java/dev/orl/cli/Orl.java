package dev.orl.cli;

import dev.orl.datasets.cli.DataCommand;
import dev.orl.eval.cli.EvalCommand;
import dev.orl.eval.report.ReportCommand;
import dev.orl.model.bench.ModelBenchCommand;
import dev.orl.model.cli.ModelCommand;
import dev.orl.rewards.cli.VerifyCodeCommand;
import dev.orl.rewards.cli.VerifyIfevalCommand;
import dev.orl.rewards.cli.VerifyMathCommand;
import dev.orl.rewards.math.MathBenchCommand;
import dev.orl.rewards.rm.RewardModelBenchCommand;
import dev.orl.sandbox.bench.SandboxBenchCommand;
import dev.orl.sandbox.cli.SandboxCommand;
import dev.orl.trainer.cli.RecipeCommand;
import dev.orl.trainer.cli.TrainCommand;
import dev.orl.trainer.quickstart.QuickstartCommand;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code orl} command line: one entry point whose subcommands come from every module. */
@Command(
        name = "orl",
        mixinStandardHelpOptions = true,
        version = "orl 0.1.0",
        description = "Outcome-based reinforcement learning for reasoning LLMs (QwQ recipe) on DJL.")
public final class Orl implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }

    /** Builds the command tree; tests use it to run subcommands in-process. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Orl());
        cli.addSubcommand(new QuickstartCommand());
        cli.addSubcommand(new TrainCommand());
        cli.addSubcommand(new EvalCommand());
        cli.addSubcommand(new ReportCommand());
        cli.addSubcommand(new RecipeCommand());
        cli.addSubcommand(new ModelCommand());
        cli.addSubcommand(new SandboxCommand());
        cli.addSubcommand(new DataCommand());
        cli.addSubcommand("verify", CommandGroup.of("verify",
                "Judge responses from JSONL on stdin; one JSON verdict per line on stdout.",
                new VerifyMathCommand(), new VerifyCodeCommand(), new VerifyIfevalCommand()));
        cli.addSubcommand("bench", CommandGroup.of("bench",
                "Benchmarks whose figures go into BENCHMARKS.md; each measures its own baseline in the same run.",
                new ModelBenchCommand(), new SandboxBenchCommand(), new MathBenchCommand(),
                new RewardModelBenchCommand()));
        cli.addSubcommand(new CommandLine.HelpCommand());
        // Results go to stdout (JSON where asked); usage, errors and logs go to stderr.
        cli.setOut(new PrintWriter(System.out, true));
        cli.setErr(new PrintWriter(System.err, true));
        cli.setExecutionExceptionHandler(Orl::reportFailure);
        cli.setParameterExceptionHandler(Orl::reportUsageError);
        return cli;
    }

    /**
     * A wrong option prints the problem and where the help is, not the whole usage: for commands with many options
     * the one line that matters scrolled out of sight. Exit code 2, as picocli's own handler gives.
     */
    private static int reportUsageError(CommandLine.ParameterException problem, String[] args) {
        CommandLine command = problem.getCommandLine();
        PrintWriter err = command.getErr();
        String name = command.getCommandSpec().qualifiedName();
        err.println(name + ": " + problem.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(problem, err);
        err.println("(see '" + name + " --help')");
        err.flush();
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    /**
     * A failed command prints what went wrong (with its causes) in one or two lines; the stack trace only with
     * {@code ORL_DEBUG=1}, because the messages already name the file, line or key at fault.
     */
    private static int reportFailure(Exception failure, CommandLine command, CommandLine.ParseResult parsed) {
        PrintWriter err = command.getErr();
        err.println(FailureMessage.of(command.getCommandSpec().qualifiedName(), failure));
        if (System.getenv("ORL_DEBUG") != null) {
            failure.printStackTrace(err);
        }
        err.flush();
        return 1;
    }

    public static void main(String[] args) {
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("java.awt.headless", "true");
        System.exit(commandLine().execute(args));
    }
}
