package dev.vectorizer.adapter.storage.index;

/**
 * Applies logged writes to the index in log order. A writer takes a ticket while it holds the append
 * lock (so ticket order is translog order), syncs the translog without any lock, then waits for its
 * {@link #awaitTurn turn} to apply and refresh, and {@link #done finishes} its ticket, even when it
 * failed. Replaying the log therefore reproduces the live index exactly. Waiting is uninterruptible
 * (an interrupt is kept for the caller): a ticket left unfinished would block every later writer.
 */
final class WriteSequencer {

    private long issued;
    private long applied;

    /** Takes the next ticket; call while holding the append lock. */
    synchronized long issue() {
        return issued++;
    }

    /** The number of tickets handed out so far. */
    synchronized long issued() {
        return issued;
    }

    synchronized void awaitTurn(long ticket) {
        awaitApplied(ticket);
    }

    /** Waits until every ticket below {@code ticket} is done. */
    synchronized void awaitApplied(long ticket) {
        boolean interrupted = false;
        while (applied < ticket) {
            try {
                wait();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    synchronized void done(long ticket) {
        applied = ticket + 1;
        notifyAll();
    }
}
