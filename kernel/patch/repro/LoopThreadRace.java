// Reproduces rapaio-jupyter-kernel 3.0.1's LoopThread race (kernel/README.md), without Jupyter:
//   java -cp target/kernel/rapaio-jupyter-kernel.jar kernel/patch/repro/LoopThreadRace.java 2000
//   java -cp target/kernel/rapaio-kernel-patch.jar:target/kernel/rapaio-jupyter-kernel.jar kernel/patch/repro/LoopThreadRace.java 2000
// The first counts loop threads that ended before their first iteration (more of them on a busy
// machine); the second, with the patched LoopThread first on the class path, should count none.
import org.rapaio.jupyter.kernel.channels.LoopThread;
import java.util.*;
import java.util.concurrent.atomic.AtomicInteger;

/** Starts N LoopThreads and counts those whose loop body never ran (the loop ended before it began). */
public class LoopThreadRace {
    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        int dead = 0;
        for (int i = 0; i < n; i++) {
            AtomicInteger runs = new AtomicInteger();
            LoopThread t = new LoopThread("t" + i, 1, runs::incrementAndGet);
            t.start();
            Thread.sleep(5);
            t.join(50);
            if (!t.isAlive() && runs.get() == 0) dead++;
            t.shutdown();
            t.join();
        }
        System.out.println(dead + " of " + n + " loop threads ended before their first iteration");
    }
}
