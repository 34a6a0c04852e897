package chibo.bench;

import chibo.localstack.ApiBodies;
import chibo.localstack.GeneratedProvince;
import chibo.localstack.ProvinceVillages;
import chibo.testsupport.Http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * The province's organisations and villages over membership-service's organisation API, as an agency would
 * register them: the country, the province, its communes and cells, then each commune's villages and the cells
 * covering them; once the members are there, who holds each village's key positions. A commune's changes go one
 * after another (they are one aggregate), communes side by side.
 */
final class ProvinceSetup {

    private static final int CLIENTS = 8;

    private final Http membership;
    private final Tokens tokens;
    private final GeneratedProvince province;

    ProvinceSetup(Http membership, Tokens tokens, GeneratedProvince province) {
        this.membership = membership;
        this.tokens = tokens;
        this.province = province;
    }

    /** The country, above every province: once per stack. */
    void registerCountry() {
        register("TW", "Ban Chấp hành Trung ương", "CENTRAL", null, "1930-02-03");
    }

    /** @return organisations registered: the province, its communes and cells */
    int registerOrganisations() throws InterruptedException {
        String founded = GeneratedProvince.FOUNDED.toString();
        register(province.id, "Tỉnh ủy " + province.id, "PROVINCE", "TW", founded);
        inParallel(CLIENTS, province.communes.stream().<Runnable>map(commune -> () ->
                register(commune, "Đảng bộ xã " + commune, "COMMUNE", province.id, founded)).toList());
        inParallel(CLIENTS, province.communeOfCell.entrySet().stream().<Runnable>map(cell -> () ->
                register(cell.getKey(), "Chi bộ thôn " + cell.getKey(), "CELL", cell.getValue(), founded)).toList());
        return province.organisations().size();
    }

    private void register(String id, String name, String level, String parentId, String founded) {
        expect(post("/organizations", ApiBodies.organization(id, name, level, parentId, founded)), 201);
    }

    /** Each commune's villages, and the cell covering each. @return the organisation API's calls */
    int registerVillages() throws InterruptedException {
        String founded = GeneratedProvince.FOUNDED.toString();
        Map<String, List<ProvinceVillages.Village>> byCommune = province.villages.villages.stream()
                .collect(Collectors.groupingBy(ProvinceVillages.Village::communeId, LinkedHashMap::new,
                        Collectors.toList()));
        inParallel(CLIENTS, byCommune.values().stream().<Runnable>map(villages -> () -> villages.forEach(village -> {
            String units = "/organizations/" + village.communeId() + "/units";
            expect(post(units, Map.of("unitId", village.unitId(), "name", village.name(), "kind", "VILLAGE",
                    "effectiveDate", founded)), 200);
            if (village.cellId() != null) {
                expect(post(units + "/" + village.unitId() + "/coverage", Map.of("cellId", village.cellId(),
                        "effectiveDate", founded)), 200);
            }
        })).toList());
        return (int) (province.villages.villages.size()
                + province.villages.villages.stream().filter(village -> village.cellId() != null).count());
    }

    /** Village heads, Front heads and youth secretaries, some of them members. @return positions assigned */
    int assignPositions() throws InterruptedException {
        String since = GeneratedProvince.LAST_MONTH.minusMonths(11).atDay(1).toString();
        Map<String, List<ProvinceVillages.Position>> byCommune = province.villages.positions.stream()
                .collect(Collectors.groupingBy(ProvinceVillages.Position::communeId, LinkedHashMap::new,
                        Collectors.toList()));
        inParallel(CLIENTS, byCommune.values().stream().<Runnable>map(positions -> () -> positions.forEach(position -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("position", position.position());
            body.put("holderName", position.holderName());
            body.put("memberId", position.memberId());
            body.put("effectiveDate", since);
            expect(post("/organizations/" + position.communeId() + "/units/" + position.unitId() + "/positions",
                    body), 200);
        })).toList());
        return province.villages.positions.size();
    }

    private Http.Response post(String path, Object body) {
        return membership.post(path, tokens.writer(), body);
    }

    static Http.Response expect(Http.Response response, int status) {
        if (response.status() != status) {
            throw new IllegalStateException("expected " + status + ", got " + response);
        }
        return response;
    }

    /** Runs the tasks {@code clients} at a time, as that many agency systems would; a failure stops the bench. */
    static void inParallel(int clients, List<Runnable> tasks) throws InterruptedException {
        List<Future<?>> running = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            tasks.forEach(task -> running.add(pool.submit(task)));
            for (Future<?> task : running) {
                task.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        }
    }
}
