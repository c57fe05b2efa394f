// GET /enterprises/{enterprise}/consumed-licenses (GitHub Enterprise Cloud): users paged with a Link header.
import { notFound, paginate, type Route } from './router.ts';

export const enterpriseRoutes: Route[] = [
  {
    method: 'GET',
    path: '/enterprises/{enterprise}/consumed-licenses',
    handler: (req) => {
      const slug = req.params.enterprise ?? '';
      const enterprise = req.state.enterprises.get(slug.toLowerCase());
      if (!enterprise) return notFound();
      const { page, headers } = paginate(req, `/enterprises/${slug}/consumed-licenses`, enterprise.users);
      const body = {
        total_seats_consumed: enterprise.users.length,
        total_seats_purchased: enterprise.total_seats_purchased,
        users: page,
      };
      return { status: 200, body, headers };
    },
  },
];
