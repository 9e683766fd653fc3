import { DEVICE_COLUMNS, openDevice, type DeviceRow } from '../devices/active-devices.ts';
import type { BatchHandler } from '../jobs/job-pump.ts';
import { driverTaskJob, type DriverTask } from './driver-task-job.ts';
import type { Runtime } from '../runtime.ts';
import { BatchHost } from './driver-host.ts';

/** Runs drivers' scheduled work (the simulator's delayed statuses) and writes what it reports atomically per batch (BatchHost.commit). */
export function runDriverTasks(rt: Runtime, onScheduled: (at: Date) => void = () => undefined): BatchHandler<DriverTask> {
  return async (jobs, settle) => {
    const { rows } = await rt.pool.query<DeviceRow>(`SELECT ${DEVICE_COLUMNS} FROM devices d WHERE d.id = ANY($1::char(24)[])`, [
      [...new Set(jobs.map((j) => j.data.deviceId))],
    ]);
    const devices = new Map(rows.map((r) => [r.id, openDevice(rt.secrets, r)]));
    const host = new BatchHost();
    for (const job of jobs) {
      const device = devices.get(job.data.deviceId);
      if (!device?.driver.onScheduled) continue;
      for (const item of job.data.items) await device.driver.onScheduled(device, item, host);
    }
    await host.commit(rt, driverTaskJob.name, jobs, settle, onScheduled);
  };
}
