"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

// False during the server render and the hydration pass, true afterwards: charts compute nothing
// on the server (their data would only be thrown away there, at a cost of seconds for 50 curves).
export const useMounted = () => useSyncExternalStore(subscribe, () => true, () => false);
