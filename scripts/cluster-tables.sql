-- Geo's cluster membership tables in PostgreSQL, for Orleans' ADO.NET clustering provider (invariant "Npgsql").
-- The provider reads its statements by name from OrleansQuery; each statement below keeps the parameter names
-- (@DeploymentId, @Address, …) and result columns the provider asks for. Safe to apply again: it replaces the
-- statements and functions and keeps the rows.
--   psql "<connection>" -v ON_ERROR_STOP=1 -f scripts/cluster-tables.sql   (scripts/postgis.sh start applies it)

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey varchar(64) PRIMARY KEY,
    QueryText varchar(8000) NOT NULL
);

-- One row per cluster: its membership version, bumped by every change of a silo's row (the table's etag).
CREATE TABLE IF NOT EXISTS geo_cluster_version
(
    cluster_id text PRIMARY KEY,
    version integer NOT NULL DEFAULT 0,
    changed_at timestamptz NOT NULL DEFAULT now()
);

-- One row per silo start: where it listens, what state the others agree it is in, and who suspects it.
CREATE TABLE IF NOT EXISTS geo_cluster_silos
(
    cluster_id text NOT NULL REFERENCES geo_cluster_version (cluster_id),
    address text NOT NULL,
    port integer NOT NULL,
    generation integer NOT NULL,
    silo_name text NOT NULL,
    host_name text NOT NULL,
    status integer NOT NULL,
    proxy_port integer,
    suspect_times text,
    start_time timestamptz NOT NULL,
    i_am_alive_time timestamptz NOT NULL,
    PRIMARY KEY (cluster_id, address, port, generation)
);

-- Adds a silo's row only when the caller saw the current version, bumping it: 1 when done, 0 when the version
-- moved or the row exists (nothing changed then).
CREATE OR REPLACE FUNCTION geo_cluster_add_silo(
    p_cluster text, p_address text, p_port integer, p_generation integer, p_silo_name text, p_host_name text,
    p_status integer, p_proxy_port integer, p_start timestamptz, p_alive timestamptz, p_version integer)
RETURNS integer LANGUAGE plpgsql AS $$
BEGIN
    UPDATE geo_cluster_version SET version = version + 1, changed_at = now()
    WHERE cluster_id = p_cluster AND version = p_version;
    IF NOT FOUND THEN
        RETURN 0;
    END IF;
    INSERT INTO geo_cluster_silos (cluster_id, address, port, generation, silo_name, host_name, status, proxy_port,
                                   suspect_times, start_time, i_am_alive_time)
    VALUES (p_cluster, p_address, p_port, p_generation, p_silo_name, p_host_name, p_status, p_proxy_port,
            NULL, p_start, p_alive);
    RETURN 1;
EXCEPTION WHEN unique_violation THEN
    -- the block's changes (the version bump) are undone with it
    RETURN 0;
END
$$;

-- Changes a silo's status and suspicions only when the caller saw the current version: 1 when done, else 0.
CREATE OR REPLACE FUNCTION geo_cluster_change_silo(
    p_cluster text, p_address text, p_port integer, p_generation integer, p_status integer,
    p_suspect_times text, p_alive timestamptz, p_version integer)
RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    changed integer;
BEGIN
    UPDATE geo_cluster_version SET version = version + 1, changed_at = now()
    WHERE cluster_id = p_cluster AND version = p_version;
    IF NOT FOUND THEN
        RETURN 0;
    END IF;
    UPDATE geo_cluster_silos
    SET status = p_status, suspect_times = p_suspect_times, i_am_alive_time = p_alive
    WHERE cluster_id = p_cluster AND address = p_address AND port = p_port AND generation = p_generation;
    GET DIAGNOSTICS changed = ROW_COUNT;
    IF changed = 0 THEN
        RAISE EXCEPTION USING ERRCODE = 'no_data_found';
    END IF;
    RETURN 1;
EXCEPTION WHEN no_data_found THEN
    RETURN 0;
END
$$;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('InsertMembershipVersionKey', '
    WITH added AS (
        INSERT INTO geo_cluster_version (cluster_id) VALUES (@DeploymentId)
        ON CONFLICT (cluster_id) DO NOTHING RETURNING 1)
    SELECT count(*)::integer FROM added'),
('InsertMembershipKey', '
    SELECT geo_cluster_add_silo(@DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName, @Status,
        @ProxyPort, @StartTime, @IAmAliveTime, @Version)'),
('UpdateMembershipKey', '
    SELECT geo_cluster_change_silo(@DeploymentId, @Address, @Port, @Generation, @Status, @SuspectTimes,
        @IAmAliveTime, @Version)'),
('UpdateIAmAlivetimeKey', '
    UPDATE geo_cluster_silos SET i_am_alive_time = @IAmAliveTime
    WHERE cluster_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation'),
('MembershipReadRowKey', '
    SELECT v.cluster_id AS DeploymentId, s.address AS Address, s.port AS Port, s.generation AS Generation,
        s.silo_name AS SiloName, s.host_name AS HostName, s.status AS Status, s.proxy_port AS ProxyPort,
        s.suspect_times AS SuspectTimes, s.start_time AS StartTime, s.i_am_alive_time AS IAmAliveTime,
        v.version AS Version
    FROM geo_cluster_version v
    LEFT JOIN geo_cluster_silos s ON s.cluster_id = v.cluster_id
        AND s.address = @Address AND s.port = @Port AND s.generation = @Generation
    WHERE v.cluster_id = @DeploymentId'),
('MembershipReadAllKey', '
    SELECT v.cluster_id AS DeploymentId, s.address AS Address, s.port AS Port, s.generation AS Generation,
        s.silo_name AS SiloName, s.host_name AS HostName, s.status AS Status, s.proxy_port AS ProxyPort,
        s.suspect_times AS SuspectTimes, s.start_time AS StartTime, s.i_am_alive_time AS IAmAliveTime,
        v.version AS Version
    FROM geo_cluster_version v
    LEFT JOIN geo_cluster_silos s ON s.cluster_id = v.cluster_id
    WHERE v.cluster_id = @DeploymentId'),
('GatewaysQueryKey', '
    SELECT address AS Address, proxy_port AS ProxyPort, generation AS Generation
    FROM geo_cluster_silos
    WHERE cluster_id = @DeploymentId AND status = @Status AND proxy_port > 0'),
('DeleteMembershipTableEntriesKey', '
    DELETE FROM geo_cluster_silos WHERE cluster_id = @DeploymentId;
    DELETE FROM geo_cluster_version WHERE cluster_id = @DeploymentId'),
-- Silos declared dead (status 6) and silent since the given time are forgotten.
('CleanupDefunctSiloEntriesKey', '
    DELETE FROM geo_cluster_silos
    WHERE cluster_id = @DeploymentId AND status = 6 AND i_am_alive_time < @IAmAliveTime
        AND start_time < @IAmAliveTime AND coalesce(suspect_times, '''') = '''''),
('CleanupDefunctSiloEntryKey', '
    DELETE FROM geo_cluster_silos
    WHERE cluster_id = @DeploymentId AND status = 6 AND address = @Address AND port = @Port
        AND generation = @Generation AND i_am_alive_time = @IAmAliveTime AND start_time = @StartTime
        AND suspect_times IS NOT DISTINCT FROM @SuspectTimes')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
