/*
 * rapaio-jupyter-kernel 3.0.1, org.rapaio.jupyter.kernel.channels.LoopThread, from its sources jar
 * (io.github.padreati:rapaio-jupyter-kernel:3.0.1:sources), patched for the attention course.
 * Copyright 2023 Aurelian Tutuianu. MIT License: see kernel/patch/LICENSE (also in this jar's
 * META-INF/LICENSE-rapaio-jupyter-kernel.txt).
 *
 * PATCHED (attention course, see kernel/README.md), one change: start() sets running = true
 * BEFORE Thread.start(). Upstream set it after, so a new thread that ran first saw
 * running == false, left its loop at once and ended without a word: a shell channel that
 * never reads (the kernel hangs with no exception in its log) or a dead control or heartbeat
 * channel. Nothing else differs from upstream.
 */
package org.rapaio.jupyter.kernel.channels;

/**
 * Thread which runs in loop the loop body after each waiting period.
 */
public final class LoopThread extends Thread {

    private volatile boolean running = false;
    private final long sleep;
    private final Runnable loopBody;

    public LoopThread(String name, long sleep, Runnable loopBody) {
        super(name);
        this.sleep = sleep;
        this.loopBody = loopBody;
    }

    @Override
    public void run() {
        while (running) {
            loopBody.run();
            try {
                Thread.sleep(sleep);
            } catch (InterruptedException e) {
                running = false;
                return;
            }
        }
    }

    @Override
    public synchronized void start() {
        running = true; // PATCHED: before super.start(), so that the new thread sees it
        super.start();
    }

    public void shutdown() {
        running = false;
    }
}
