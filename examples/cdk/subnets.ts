/** The subnet group names of the example VPC. */
export const SUBNETS = { public: 'Public', vdi: 'Vdi', macHosts: 'MacHosts' } as const;
