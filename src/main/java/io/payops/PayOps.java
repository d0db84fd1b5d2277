package io.payops;

import io.payops.cli.RunCommand;
import io.payops.cli.ScenariosCommand;
import io.payops.cli.StandardInput;
import io.payops.common.BadInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * The command line (DESIGN §5.1). Exit status: 0 done; 2 bad input, with one message on stderr naming what was
 * wrong and what was expected; 1 an internal error.
 */
@Command(name = "payops", mixinStandardHelpOptions = true, version = io.payops.common.Version.TEXT,
        description = "A payments-operations agent over a closed-loop payment simulator.",
        subcommands = {io.payops.cli.ConsoleCommand.class, RunCommand.class, ScenariosCommand.class, io.payops.cli.BenchCommand.class,
                io.payops.cli.AnalyzeCommand.class, io.payops.cli.ReplayCommand.class, io.payops.cli.WhatIfCommand.class,
                io.payops.cli.IngestCommand.class})
public final class PayOps implements java.util.concurrent.Callable<Integer>, StandardInput.Source {
    public static final int EXIT_BAD_INPUT = 2;
    public static final int EXIT_INTERNAL = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** What {@code -} reads in this invocation (run --scenario -, analyze --metrics -). */
    private final InputStream stdin;

    private PayOps(InputStream stdin) {
        this.stdin = stdin;
    }

    @Override
    public InputStream standardInput() {
        return stdin;
    }

    /** No subcommand: open the console, as {@code console} with its defaults would. */
    @Override
    public Integer call() {
        return io.payops.cli.ConsoleCommand.open(io.payops.ui.ConsoleOptions.DEFAULTS);
    }

    public static void main(String[] args) {
        System.exit(run(System.in, System.out, System.err, args));
    }

    /**
     * Runs one command line with its output on {@code out} and its messages on {@code err} and returns the exit
     * status; it never exits the JVM (only {@link #main} does). Tests run commands in-process through this, each
     * with streams of its own, instead of starting the jar or swapping System.out. Text goes through the streams'
     * own encoding.
     */
    public static int run(PrintStream out, PrintStream err, String... args) {
        return run(InputStream.nullInputStream(), out, err, args);
    }

    /**
     * As {@link #run(PrintStream, PrintStream, String...)}, with {@code in} as standard input: what an argument
     * {@code -} reads. The overload without it gives an empty one, so no test ever waits on the build's own stdin.
     */
    public static int run(InputStream in, PrintStream out, PrintStream err, String... args) {
        CommandLine cl = commandLine(in);
        PrintWriter o = new PrintWriter(new PrintStreamWriter(out), true);
        PrintWriter e = new PrintWriter(new PrintStreamWriter(err), true);
        cl.setOut(o);
        cl.setErr(e);
        try {
            return cl.execute(args);
        } finally {
            o.flush();
            e.flush();
        }
    }

    /** Characters handed to a PrintStream as they are, so it encodes them as it would its own print calls. */
    private static final class PrintStreamWriter extends Writer {
        private final PrintStream stream;

        PrintStreamWriter(PrintStream stream) {
            this.stream = stream;
        }

        @Override
        public void write(char[] chars, int off, int len) {
            stream.print(new String(chars, off, len));
        }

        @Override
        public void flush() {
            stream.flush();
        }

        @Override
        public void close() {
            flush(); // the caller's stream stays open
        }
    }

    static CommandLine commandLine(InputStream stdin) {
        CommandLine cl = new CommandLine(new PayOps(stdin));
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof BadInputException) {
                commandLine.getErr().println("payops: " + ex.getMessage());
                return EXIT_BAD_INPUT;
            }
            commandLine.getErr().println("payops: internal error: " + ex);
            ex.printStackTrace(commandLine.getErr());
            return EXIT_INTERNAL;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("payops: " + ex.getMessage());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for the options.");
            return EXIT_BAD_INPUT;
        });
        return cl;
    }
}
