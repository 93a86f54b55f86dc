package org.signpost.query.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.signpost.platform.apidocs.ApiDocumentation;
import org.signpost.platform.integrity.Chain;
import org.signpost.platform.integrity.ChainReport;
import org.signpost.platform.integrity.ChainReport.Failure;
import org.signpost.platform.integrity.ChainReport.Status;
import org.signpost.platform.integrity.ChainVerifier;
import org.signpost.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * For auditors: is the stored history as it was when each event was sealed, and the log of reads
 * of personal data as it was when each read was sealed? Checks both chains now (the service's
 * health shows the last periodic checks); a HEAD does not.
 */
@RestController
class IntegrityController {

    /**
     * The events' chain in the top-level fields, as before there was a second chain.
     *
     * @param handOver what the check of the unkeyed chain of earlier versions found when the keyed chain took over
     */
    record Integrity(Status status, long verifiedEvents, long sealedUpTo, String headHash, long anchoredUpTo,
                     Failure firstFailure, Instant checkedAt, HandOver handOver, ReadLog readLog) {
    }

    record HandOver(Status status, long verifiedEvents, long sealedUpTo, String headHash, Failure firstFailure,
                    Instant checkedAt) {
    }

    record ReadLog(Status status, long verifiedRows, long sealedUpTo, String headHash, long anchoredUpTo,
                   Failure firstFailure, Instant checkedAt) {
    }

    private final List<ChainVerifier> verifiers;

    IntegrityController(List<ChainVerifier> verifiers) {
        this.verifiers = verifiers;
    }

    @Operation(tags = ApiDocumentation.INTEGRITY, summary = "Check the stored history",
            description = "Checks now that every stored event, and every entry of the log of reads of personal data, is as it was sealed. Roles: AUDITOR.")
    @ApiResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = Integrity.class)))
    @ApiResponse(responseCode = "501", description = "Events kept in Axon Server, which has no hash chain",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "#/components/schemas/ProblemDetail")))
    @GetMapping("/api/audit/integrity")
    ResponseEntity<?> integrity() {
        Optional<ChainVerifier> events = verifier(Chain.EVENTS);
        if (events.isEmpty()) {
            return Problems.respond(Problems.problem(HttpStatus.NOT_IMPLEMENTED, "no-event-chain", "No event chain here",
                    "The hash chain is kept over the PostgreSQL event store; this deployment keeps its events in "
                            + "Axon Server, which has no such chain."));
        }
        ChainReport history = events.get().verify();
        ChainReport reads = verifier(Chain.READ_LOG).orElseThrow().verify();
        HandOver handOver = events.get().handOver().map(before -> new HandOver(before.status(), before.verified(),
                before.sealedUpTo(), before.headHash(), before.firstFailure(), before.checkedAt())).orElse(null);
        return ResponseEntity.ok(new Integrity(history.status(), history.verified(), history.sealedUpTo(),
                history.headHash(), history.anchoredUpTo(), history.firstFailure(), history.checkedAt(), handOver,
                new ReadLog(reads.status(), reads.verified(), reads.sealedUpTo(), reads.headHash(), reads.anchoredUpTo(),
                        reads.firstFailure(), reads.checkedAt())));
    }

    private Optional<ChainVerifier> verifier(String chain) {
        return verifiers.stream().filter(verifier -> verifier.chain().name().equals(chain)).findFirst();
    }

    /**
     * A HEAD answers as the GET would, without running the check: the check reads every stored
     * event (seconds on a million), and a HEAD would show nothing of what it found.
     */
    @Operation(tags = ApiDocumentation.INTEGRITY, summary = "Whether the check is available",
            description = "Answers as the GET would, without running the check. Roles: AUDITOR.")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "501", description = "Events kept in Axon Server, which has no hash chain")
    @RequestMapping(path = "/api/audit/integrity", method = RequestMethod.HEAD)
    ResponseEntity<Void> integrityHead() {
        if (verifier(Chain.EVENTS).isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_IMPLEMENTED).contentType(Problems.PROBLEM_JSON).build();
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).build();
    }
}
