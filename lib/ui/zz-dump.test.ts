import { it } from 'vitest';
import { makeService } from '/work/main/lib/store/test-service';
it('dump', async () => {
  const { service } = makeService();
  for (const q of ['Ebrarx', 'Ebardr', 'Raimondx', 'Clothier', 'Slazar', 'Ebrad', 'Cofepriz', 'Sembradno', 'Ebrard nearshoring', 'Marcelo Zedillo', 'Ebrardo']) {
    const r = await service.search(q, 20);
    console.log(q, r.entities.length, r.passages.length, JSON.stringify(r.suggestions));
  }
});
