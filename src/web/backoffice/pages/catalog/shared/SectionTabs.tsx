// The tabs under the Catalog and Prices sections: one per kind of record, the active one
// taken from the address so detail pages keep their tab lit.
import { Tabs } from '@mantine/core';
import type { ReactNode } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';

export interface SectionTab {
  /** The path under the section, e.g. `accommodations`. */
  path: string;
  label: string;
  icon: ReactNode;
}

export function SectionTabs({
  base,
  tabs,
  label,
}: {
  base: string;
  tabs: SectionTab[];
  label: string;
}) {
  const location = useLocation();
  const navigate = useNavigate();
  const rest = location.pathname.slice(base.length + 1);
  const active =
    tabs.find((tab) => rest === tab.path || rest.startsWith(`${tab.path}/`))?.path ?? null;
  return (
    <>
      <Tabs
        value={active}
        onChange={(value) => {
          if (value) void navigate(`${base}/${value}`);
        }}
        mb="lg"
        aria-label={label}
      >
        <Tabs.List style={{ flexWrap: 'nowrap', overflowX: 'auto', overflowY: 'hidden' }}>
          {tabs.map((tab) => (
            <Tabs.Tab
              key={tab.path}
              value={tab.path}
              leftSection={tab.icon}
              data-testid={`tab-${tab.path}`}
            >
              {tab.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Outlet />
    </>
  );
}
