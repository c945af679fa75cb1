import { MigrationInterface, QueryRunner } from 'typeorm';

/** The core tables of DESIGN.md; later features add their own migrations. */
export class Core1764403200000 implements MigrationInterface {
  name = 'Core1764403200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE township (
        code        varchar(12) PRIMARY KEY,
        name        text NOT NULL,
        name_en     text NOT NULL,
        kind        text NOT NULL CHECK (kind IN ('street', 'town', 'township'))
      );

      CREATE TABLE delivery_district (
        code        varchar(6) PRIMARY KEY,
        name        text NOT NULL,
        name_en     text NOT NULL,
        cold_chain  boolean NOT NULL DEFAULT true
      );

      CREATE TABLE cooperative (
        id                       uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name_zh                  text NOT NULL,
        name_en                  text NOT NULL,
        credit_code              char(18) NOT NULL UNIQUE,
        township_code            varchar(12) NOT NULL REFERENCES township(code),
        status                   text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'VERIFIED', 'SUSPENDED')),
        default_benefit_rate_bp  integer NOT NULL DEFAULT 0 CHECK (default_benefit_rate_bp BETWEEN 0 AND 10000),
        payout_account_ref       text,
        description_zh           text NOT NULL DEFAULT '',
        description_en           text NOT NULL DEFAULT '',
        verified_at              timestamptz,
        created_at               timestamptz NOT NULL DEFAULT now(),
        updated_at               timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX cooperative_township_idx ON cooperative (township_code);

      CREATE TABLE household (
        id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code             text NOT NULL UNIQUE,
        township_code    varchar(12) NOT NULL REFERENCES township(code),
        village          text NOT NULL,
        members          integer NOT NULL CHECK (members BETWEEN 1 AND 30),
        registered_year  integer NOT NULL CHECK (registered_year BETWEEN 2014 AND 2100),
        exit_year        integer CHECK (exit_year BETWEEN 2014 AND 2100),
        status           text NOT NULL CHECK (status IN ('LIFTED', 'MONITORED')),
        -- AES-256-GCM (iv | tag | ciphertext); the key is never in the database.
        head_name_enc    bytea NOT NULL,
        id_number_enc    bytea NOT NULL,
        -- HMAC-SHA256 of the ID number: finds duplicates without decrypting.
        id_hmac          bytea NOT NULL UNIQUE,
        id_masked        varchar(18) NOT NULL,
        created_at       timestamptz NOT NULL DEFAULT now(),
        updated_at       timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX household_township_idx ON household (township_code);

      CREATE TABLE household_link (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        household_id    uuid NOT NULL REFERENCES household(id),
        cooperative_id  uuid NOT NULL REFERENCES cooperative(id),
        mechanism       text NOT NULL CHECK (mechanism IN ('EQUITY_DIVIDEND', 'CONTRACT_PURCHASE', 'EMPLOYMENT', 'LAND_LEASE')),
        weight          integer NOT NULL CHECK (weight > 0),
        valid_from      date NOT NULL,
        valid_to        date,
        created_at      timestamptz NOT NULL DEFAULT now(),
        CHECK (valid_to IS NULL OR valid_to >= valid_from)
      );
      CREATE INDEX household_link_cooperative_idx ON household_link (cooperative_id, valid_from);
      CREATE INDEX household_link_household_idx ON household_link (household_id);

      CREATE TABLE product (
        id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cooperative_id         uuid NOT NULL REFERENCES cooperative(id),
        category               text NOT NULL CHECK (category IN ('TEA', 'CHERRY', 'CHICKEN', 'EGG', 'MUSHROOM', 'PORK', 'NOODLE', 'VEGETABLE')),
        slug                   text NOT NULL UNIQUE,
        title_zh               text NOT NULL,
        title_en               text NOT NULL,
        description_zh         text NOT NULL DEFAULT '',
        description_en         text NOT NULL DEFAULT '',
        -- Full pinyin and initials of the Chinese title, for search by 拼音.
        pinyin                 text NOT NULL DEFAULT '',
        pinyin_initials        text NOT NULL DEFAULT '',
        origin_township_code   varchar(12) NOT NULL REFERENCES township(code),
        certification_no       text,
        certification_issuer   text,
        certification_batch    text,
        certified_until        date,
        benefit_rate_bp        integer CHECK (benefit_rate_bp BETWEEN 0 AND 10000),
        shipping_class         text NOT NULL CHECK (shipping_class IN ('AMBIENT', 'CHILLED', 'FROZEN')),
        shelf_life_days        integer NOT NULL CHECK (shelf_life_days > 0),
        sale_starts_at         timestamptz,
        sale_ends_at           timestamptz,
        presale_ships_on       date,
        status                 text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'PENDING_REVIEW', 'PUBLISHED', 'ARCHIVED')),
        reject_reason          text,
        images                 jsonb NOT NULL DEFAULT '[]',
        published_at           timestamptz,
        created_at             timestamptz NOT NULL DEFAULT now(),
        updated_at             timestamptz NOT NULL DEFAULT now(),
        CHECK (sale_ends_at IS NULL OR sale_starts_at IS NULL OR sale_ends_at > sale_starts_at)
      );
      CREATE INDEX product_cooperative_idx ON product (cooperative_id);
      CREATE INDEX product_status_category_idx ON product (status, category);

      CREATE TABLE product_variant (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        product_id  uuid NOT NULL REFERENCES product(id),
        sku         text NOT NULL UNIQUE,
        label_zh    text NOT NULL,
        label_en    text NOT NULL,
        price_fen   integer NOT NULL CHECK (price_fen > 0),
        weight_g    integer NOT NULL CHECK (weight_g > 0),
        stock       integer NOT NULL DEFAULT 0 CHECK (stock >= 0),
        sort_order  integer NOT NULL DEFAULT 0,
        created_at  timestamptz NOT NULL DEFAULT now(),
        updated_at  timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX product_variant_product_idx ON product_variant (product_id);

      CREATE TABLE account (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email           text NOT NULL,
        password_hash   text NOT NULL,
        role            text NOT NULL CHECK (role IN ('buyer', 'cooperative', 'official', 'admin')),
        cooperative_id  uuid REFERENCES cooperative(id),
        display_name    text,
        disabled_at     timestamptz,
        created_at      timestamptz NOT NULL DEFAULT now(),
        -- Cooperative staff belong to exactly one cooperative; nobody else belongs to any.
        CHECK ((role = 'cooperative') = (cooperative_id IS NOT NULL))
      );
      CREATE UNIQUE INDEX account_email_key ON account (lower(email));

      CREATE TABLE inventory_movement (
        id                bigserial PRIMARY KEY,
        variant_id        uuid NOT NULL REFERENCES product_variant(id),
        delta             integer NOT NULL CHECK (delta <> 0),
        stock_after       integer NOT NULL CHECK (stock_after >= 0),
        reason            text NOT NULL,
        note              text,
        order_id          uuid,
        actor_account_id  uuid REFERENCES account(id),
        created_at        timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX inventory_movement_variant_idx ON inventory_movement (variant_id, created_at);

      CREATE TABLE refresh_token (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id      uuid NOT NULL REFERENCES account(id) ON DELETE CASCADE,
        family_id       uuid NOT NULL,
        token_hash      bytea NOT NULL UNIQUE,
        expires_at      timestamptz NOT NULL,
        revoked_at      timestamptz,
        replaced_by_id  uuid,
        created_at      timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX refresh_token_family_idx ON refresh_token (family_id);

      CREATE TABLE login_attempt (
        id          bigserial PRIMARY KEY,
        email_key   text NOT NULL,
        succeeded   boolean NOT NULL,
        at          timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX login_attempt_email_idx ON login_attempt (email_key, at);

      CREATE TABLE audit_log (
        id                bigserial PRIMARY KEY,
        actor_account_id  uuid REFERENCES account(id),
        actor_role        text,
        action            text NOT NULL,
        entity_type       text NOT NULL,
        entity_id         text,
        before            jsonb,
        after             jsonb,
        request_id        text,
        at                timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id);
      CREATE INDEX audit_log_at_idx ON audit_log (at);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE audit_log, login_attempt, refresh_token, inventory_movement, account,
        product_variant, product, household_link, household, cooperative, delivery_district, township;
    `);
  }
}
