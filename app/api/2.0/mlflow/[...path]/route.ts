import { endpointNotFound } from "@/lib/interop/mlflow/errors";

// * /api/2.0/mlflow/… — MLflow endpoints Provscope does not serve answer as MLflow's server does
export const GET = endpointNotFound;
export const POST = endpointNotFound;
export const PATCH = endpointNotFound;
export const DELETE = endpointNotFound;
