package dev.keyward.automation.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.automation.program.CheckpointType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which GETs the gate holds as writes: those whose path or action-like query field names an action. */
class ReadRequestClassifierTest {

    private static HeldRequest get(String path, HeldRequest.Field... fields) {
        return new HeldRequest(HeldRequest.Kind.PAGE, "GET", "127.0.0.1", path, List.of(fields), 0);
    }

    private static HeldRequest.Field field(String name, String value) {
        return new HeldRequest.Field(name, value, false);
    }

    @Test
    void aGetToAnActionPathIsHeldWithTheStricterType() {
        assertEquals(CheckpointType.IRREVERSIBLE, RequestClassifier.readActs(get("/account/delete")).orElseThrow().type());
        assertEquals(CheckpointType.FINANCIAL, RequestClassifier.readActs(get("/billing/purchase")).orElseThrow().type());
        assertEquals(CheckpointType.API_KEY, RequestClassifier.readActs(get("/keys/rotate")).orElseThrow().type());
        assertEquals(CheckpointType.IRREVERSIBLE, RequestClassifier.readActs(get("/konto/l%C3%B6schen")).orElseThrow().type());
    }

    @Test
    void anActionFieldInTheQueryMakesAGetAWrite() {
        assertEquals(CheckpointType.IRREVERSIBLE,
                RequestClassifier.readActs(get("/konto", field("action", "loeschen"))).orElseThrow().type());
        assertEquals(CheckpointType.FINANCIAL,
                RequestClassifier.readActs(get("/api", field("op", "purchase"))).orElseThrow().type());
    }

    @Test
    void searchesListingsAndPagesThatOnlyReadPass() {
        assertTrue(RequestClassifier.readActs(get("/search", field("q", "delete account"))).isEmpty());
        assertTrue(RequestClassifier.readActs(get("/keys")).isEmpty());
        assertTrue(RequestClassifier.readActs(get("/orders/lookup", field("ref", "1234"))).isEmpty());
        assertTrue(RequestClassifier.readActs(get("/items", field("sort", "date"))).isEmpty());
        assertTrue(RequestClassifier.readActs(get("/account/deleted")).isEmpty());
    }

    @Test
    void theAdviceForAHeldGetIsItsOwnNotTheBroadWriteVocabulary() {
        assertEquals(CheckpointType.IRREVERSIBLE, RequestClassifier.advise(get("/account/delete")).type());
    }
}
