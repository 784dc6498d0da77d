package io.mensajero.broker.internal.model;

import io.mensajero.broker.internal.store.Store;

import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;

/** The store the paged-queue tests open: its posts go to the test's loop, released heap back to the gauge. */
final class PagingStores {
    private PagingStores() {
    }

    static Store open(Path dir, BlockingQueue<Runnable> loop, MemoryGauge gauge) {
        return Store.open(dir, 0, loop::add, new Store.Listener() {
            @Override
            public void synced(long upTo) {
            }

            @Override
            public void released(long heapBytes) {
                gauge.add(-heapBytes);
            }

            @Override
            public void diskAlarm(boolean raised) {
            }
        });
    }
}
