-- Prints one machine-readable line after a wrk run: responses, throughput, p50/p95/p99 in ms, and what went
-- wrong: timeouts (no answer within --timeout), answers other than 2xx/3xx, and socket errors.
done = function(summary, latency, requests)
    local errors = summary.errors
    io.write(string.format("RESULT requests=%d rps=%.1f p50=%.2f p95=%.2f p99=%.2f timeouts=%d non2xx=%d "
        .. "socket=%d\n", summary.requests, summary.requests / (summary.duration / 1e6),
        latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
        errors.timeout, errors.status, errors.connect + errors.read + errors.write))
end
