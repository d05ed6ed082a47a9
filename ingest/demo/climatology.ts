// Phillips-High's EKE climatology: domain- and zonal-mean coarse-grained EKE over every simulated
// day so far — the reference the low-resolution runs are compared with (the paper's Figure 5).
import { COARSE } from "./config";
import type { Day } from "./phillips-high";

export class Climatology {
  private readonly zonal = new Float64Array(COARSE.n);
  private days = 0;

  add(days: Day[]) {
    const n = COARSE.n;
    for (const d of days) for (let i = 0; i < d.eke.length; i++) this.zonal[Math.floor(i / n)] += d.eke[i] / n;
    this.days += days.length;
  }

  mean(): { meanEke: number; zonalEke: number[] } {
    const zonalEke = Array.from(this.zonal, (v) => v / this.days);
    return { meanEke: zonalEke.reduce((a, b) => a + b, 0) / zonalEke.length, zonalEke };
  }
}
